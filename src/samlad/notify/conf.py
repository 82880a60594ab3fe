"""The delivery pipeline's settings. Each is read from Django's settings when set there, else from
the environment variable of the same name, else a default; so an operator can configure the
providers without touching settings.py, and tests can use override_settings."""

import os
from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Sending
    "NOTIFY_MAX_ATTEMPTS": 5,  # attempts per delivery before it fails (and falls back)
    "NOTIFY_RETRY_BASE_SECONDS": 10.0,  # first retry after about this long, doubling each time
    "NOTIFY_RETRY_MAX_SECONDS": 900.0,  # never wait longer than this between attempts
    "NOTIFY_LEASE_SECONDS": 30.0,  # a claimed row is the worker's for this long (renewed)
    "NOTIFY_SWEEP_SECONDS": 5,  # how often the worker looks for due retries and stale claims
    "NOTIFY_DRAIN_SECONDS": 120.0,  # one send task sends for at most this long, then yields
    "NOTIFY_SMTP_CONNECTIONS": 4,  # SMTP connections used in parallel, each kept open
    "NOTIFY_SMTP_BATCH": 50,  # recipients of one identical e-mail per SMTP transaction (1: off)
    "NOTIFY_HTTP_CONCURRENCY": 16,  # SMS and webhook requests in flight at once
    "NOTIFY_HTTP_TIMEOUT": 5.0,  # seconds; SMS providers and webhooks
    "NOTIFY_DEMO_OUTBOX": None,  # None: follow DEMO_MODE. True: nothing leaves, see /utskick/
    "NOTIFY_EARLY_FALLBACK": True,  # a provider that is down hands over at once, not after retries
    "NOTIFY_MESSAGE_ID_DOMAIN": "",  # right side of Message-IDs; default: DEFAULT_FROM_EMAIL's
    "NOTIFY_SMS_MAX_CHARS": 612,  # an e-mail falling back to SMS is cut to this length
    "NOTIFY_JOURNAL_DIR": "",  # acceptances noted before recording; default DATA_DIR/notify-journal
    # Provider health
    "NOTIFY_DOWN_AFTER_FAILURES": 10,  # this many failures in a row with no success: down
    "NOTIFY_DOWN_AFTER_SECONDS": 60,  # or at least 3 in a row over this long: down
    "NOTIFY_DEGRADED_SECONDS": 300,  # a failure keeps the provider degraded this long
    # SMS provider: "46elks", "twilio" or "demo"; empty: demo in demo mode, else 46elks
    "NOTIFY_SMS_PROVIDER": "",
    "NOTIFY_STATUS_CALLBACKS": False,  # ask the provider to report delivery to SITE_URL
    "ELKS46_API_URL": "https://api.46elks.com",
    "ELKS46_USERNAME": "",
    "ELKS46_PASSWORD": "",
    "ELKS46_FROM": "Samlad",
    "ELKS46_INBOUND_SECRET": "",  # inbound webhooks: ?secret=… or basic-auth password
    "TWILIO_API_URL": "https://api.twilio.com",
    "TWILIO_ACCOUNT_SID": "",
    "TWILIO_AUTH_TOKEN": "",
    "TWILIO_FROM": "",
}

TRUE_WORDS = {"1", "true", "yes", "on"}


def get(name: str) -> Any:
    """The value of one of the settings above."""
    default = DEFAULTS[name]
    if hasattr(settings, name):
        return getattr(settings, name)
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return _parse(raw, default)


def _parse(raw: str, default: Any) -> Any:
    if isinstance(default, bool) or default is None:
        return raw.strip().lower() in TRUE_WORDS
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    return raw


def demo_outbox() -> bool:
    """True when messages stay in the built-in outbox instead of leaving the platform."""
    value = get("NOTIFY_DEMO_OUTBOX")
    return bool(settings.DEMO_MODE) if value is None else bool(value)


def sms_provider_name() -> str:
    if demo_outbox():
        return "demo"
    return get("NOTIFY_SMS_PROVIDER") or "46elks"
