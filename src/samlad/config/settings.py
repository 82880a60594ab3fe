"""Samlad's one settings module: everything comes from the environment, with safe defaults
for `make run` (embedded SQLite, demo data) and a refusal to start without a secret otherwise."""

import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from samlad.config.env import (
    env_bool,
    env_choice,
    env_flag,
    env_float,
    env_int,
    env_list,
    env_str,
)
from samlad.config.logs import logging_config
from samlad.config.secret import secret_key_from_file

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR.parent.parent
DATA_DIR = Path(env_str("SAMLAD_DATA_DIR") or BASE_DIR / "var")

# Demo mode: demo data and the shared demo password exist only here, and every page says so.
DEMO_MODE = env_bool("SAMLAD_DEMO", False)
TESTING = env_bool("SAMLAD_TESTING", False) or "pytest" in sys.modules
DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY") or ""
if not SECRET_KEY:
    if not (DEMO_MODE or DEBUG or TESTING):
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (outside demo mode it is required)."
        )
    SECRET_KEY = secret_key_from_file(DATA_DIR / "secret_key")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = (env_str("SITE_URL") or "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "samlad.administration.admin_apps.SamladAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "template_partials",
    "phonenumber_field",
    "django_tasks",
    "django_tasks_db",
    "samlad.core",
    "samlad.accounts",
    "samlad.actors",
    "samlad.administration",
    "samlad.events",
    "samlad.notify",
    "samlad.activation",
    "samlad.notices",
    "samlad.meetings",
    "samlad.audit",
    "samlad.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "samlad.core.middleware.RequestLogMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "samlad.accounts.middleware.SlidingSessionMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "samlad.accounts.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "samlad.config.urls"
ASGI_APPLICATION = "samlad.config.asgi.application"
WSGI_APPLICATION = "samlad.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "samlad.core.context_processors.samlad",
            ],
        },
    },
]

# Database: embedded SQLite (WAL) by default, PostgreSQL in production via DATABASE_URL.
DATA_DIR.mkdir(parents=True, exist_ok=True)
(DATA_DIR / "static").mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'samlad.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests use a file, not SQLite's shared in-memory database: browser tests serve pages from a
    # second thread, and the in-memory database locks whole tables between connections.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}
elif env_int("DATABASE_POOL_MAX_SIZE", 20) > 0:
    # PostgreSQL through a pool of connections per process (psycopg_pool): opening one per
    # request cost a few milliseconds of every page. Live streams hand theirs back between polls
    # (samlad.core.live), so open pages do not hold connections.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A connection is checked as it leaves the pool (CONN_HEALTH_CHECKS): after the database
    # restarted, the pool's old connections are dead, and a request must get a new one, not an
    # error. While the database is down a request waits DATABASE_POOL_TIMEOUT seconds, then
    # gets a 503 (samlad.core.unavailable).
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": env_int("DATABASE_POOL_MAX_SIZE", 20),
        "timeout": env_int("DATABASE_POOL_TIMEOUT", 10),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL") or ""
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

TASKS = {
    "default": {"BACKEND": env_str("TASKS_BACKEND") or "django_tasks_db.DatabaseBackend"},
}
# Requests one server process works on at once; more wait their turn (samlad.core.concurrency).
# 0 turns the cap off. Run more processes (uvicorn --workers, WEB_CONCURRENCY) for more at once:
# bench/README.md, "Event page", has the figures behind one per process and two processes.
REQUESTS_IN_FLIGHT = env_int("SAMLAD_REQUESTS_IN_FLIGHT", 1)
# A request's body is read in full before the request takes its place behind that cap: larger
# bodies are refused (413), and a client that has not sent its body within the time is answered
# 408. Behind a proxy that buffers bodies (docs/operator.md) the time is never reached.
REQUEST_BODY_MAX_BYTES = env_int("SAMLAD_REQUEST_BODY_MAX_BYTES", 5_000_000)
REQUEST_BODY_TIMEOUT_SECONDS = env_int("SAMLAD_REQUEST_BODY_TIMEOUT", 30)
# A worker that has not written a heartbeat for this long is reported as down by /healthz.
WORKER_STALE_AFTER_SECONDS = env_int("WORKER_STALE_AFTER_SECONDS", 60)

# Accounts and authentication
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "samlad.accounts.backends.SamladBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "samlad.accounts.passwords.DemoPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sessions end after this long without a request (sliding), and when the browser closes. The
# expiry moves forward at most once a minute (accounts.middleware.SlidingSessionMiddleware), not
# with a database write on every request.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 8 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Two-factor authentication (TOTP) is mandatory for administrators outside demo mode.
OTP_TOTP_ISSUER = "Samlad"
REQUIRE_ADMIN_TWO_FACTOR = env_bool("REQUIRE_ADMIN_TWO_FACTOR", not DEMO_MODE)

# Lockout after repeated failures (per username and address), for 15 minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Failures per user name from all addresses together that lock the account everywhere
# (samlad.accounts.lockout).
AXES_USERNAME_FAILURE_LIMIT = env_int("AXES_USERNAME_FAILURE_LIMIT", 20)
AXES_HANDLER = "samlad.accounts.lockout.LockoutHandler"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
AXES_USERNAME_CALLABLE = "samlad.accounts.backends.lockout_username"

# Internationalisation: Swedish by default, English available; stored in UTC, shown in Stockholm.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Stockholm"
USE_TZ = True
PHONENUMBER_DEFAULT_REGION = "SE"
PHONENUMBER_DB_FORMAT = "E164"
PHONENUMBER_DEFAULT_FORMAT = "INTERNATIONAL"

# Static files: committed, served by WhiteNoise straight from the apps (no build step).
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# E-mail: Django's SMTP backend, configured with Django's own EMAIL_* names.
EMAIL_BACKEND = env_str("EMAIL_BACKEND") or (
    "django.core.mail.backends.console.EmailBackend"
    if DEMO_MODE and not env_str("EMAIL_HOST")
    else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = env_str("EMAIL_HOST") or "localhost"
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL") or "Samlad <samlad@localhost>"
# Webhooks and feeds go to public https:// addresses only, checked at registration and at every
# send. On: any address, http:// too; for local test and bench servers, never in production.
SAMLAD_WEBHOOKS_ALLOW_PRIVATE = env_bool("SAMLAD_WEBHOOKS_ALLOW_PRIVATE", False)

# Delivery (samlad.notify, docs/delivery.md). A misspelt value stops start-up (config/env.py).
NOTIFY_MAX_ATTEMPTS = env_int("NOTIFY_MAX_ATTEMPTS", 5)  # then it fails (and falls back)
NOTIFY_RETRY_BASE_SECONDS = env_float("NOTIFY_RETRY_BASE_SECONDS", 10.0)  # doubling each time
NOTIFY_RETRY_MAX_SECONDS = env_float("NOTIFY_RETRY_MAX_SECONDS", 900.0)
NOTIFY_LEASE_SECONDS = env_float("NOTIFY_LEASE_SECONDS", 30.0)  # a worker's claim, renewed
NOTIFY_SWEEP_SECONDS = env_int("NOTIFY_SWEEP_SECONDS", 5)  # looking for retries, stale claims
NOTIFY_DRAIN_SECONDS = env_float("NOTIFY_DRAIN_SECONDS", 120.0)  # one send task, then it yields
NOTIFY_SMTP_CONNECTIONS = env_int("NOTIFY_SMTP_CONNECTIONS", 4)  # in parallel, each kept open
NOTIFY_SMTP_BATCH = env_int("NOTIFY_SMTP_BATCH", 50)  # recipients per SMTP transaction (1: off)
NOTIFY_HTTP_CONCURRENCY = env_int("NOTIFY_HTTP_CONCURRENCY", 16)  # SMS and webhook requests
NOTIFY_HTTP_TIMEOUT = env_float("NOTIFY_HTTP_TIMEOUT", 5.0)
NOTIFY_DEMO_OUTBOX = env_flag("NOTIFY_DEMO_OUTBOX", None)  # None: as DEMO_MODE; True: stays here
NOTIFY_EARLY_FALLBACK = env_flag("NOTIFY_EARLY_FALLBACK", True)  # a provider down hands over
NOTIFY_MESSAGE_ID_DOMAIN = env_str("NOTIFY_MESSAGE_ID_DOMAIN") or ""  # default: the From's
NOTIFY_SMS_MAX_CHARS = env_int("NOTIFY_SMS_MAX_CHARS", 612)  # an e-mail falling back to SMS
NOTIFY_JOURNAL_DIR = env_str("NOTIFY_JOURNAL_DIR") or ""  # default: DATA_DIR/notify-journal
NOTIFY_DOWN_AFTER_FAILURES = env_int("NOTIFY_DOWN_AFTER_FAILURES", 10)  # in a row: down
NOTIFY_DOWN_AFTER_SECONDS = env_int("NOTIFY_DOWN_AFTER_SECONDS", 60)  # or 3+ over this long
NOTIFY_DEGRADED_SECONDS = env_int("NOTIFY_DEGRADED_SECONDS", 300)  # after a failure
# Empty: demo in demo mode, else 46elks.
NOTIFY_SMS_PROVIDER = env_choice("NOTIFY_SMS_PROVIDER", ("46elks", "twilio", "demo"))
NOTIFY_STATUS_CALLBACKS = env_flag("NOTIFY_STATUS_CALLBACKS", False)  # reports to SITE_URL
ELKS46_API_URL = env_str("ELKS46_API_URL") or "https://api.46elks.com"
ELKS46_USERNAME = env_str("ELKS46_USERNAME") or ""
ELKS46_PASSWORD = env_str("ELKS46_PASSWORD") or ""
ELKS46_FROM = env_str("ELKS46_FROM") or "Samlad"
ELKS46_INBOUND_SECRET = env_str("ELKS46_INBOUND_SECRET") or ""  # ?secret=… or basic auth
TWILIO_API_URL = env_str("TWILIO_API_URL") or "https://api.twilio.com"
TWILIO_ACCOUNT_SID = env_str("TWILIO_ACCOUNT_SID") or ""
TWILIO_AUTH_TOKEN = env_str("TWILIO_AUTH_TOKEN") or ""
TWILIO_FROM = env_str("TWILIO_FROM") or ""

# Security headers. HSTS is sent only on TLS requests (Django's SecurityMiddleware checks).
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# REST API
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "samlad.api.authentication.TokenAuthentication",
        "samlad.api.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "samlad.api.pagination.Pagination",
    "PAGE_SIZE": 100,
    "EXCEPTION_HANDLER": "samlad.api.errors.problem_exception_handler",
    # JSON only: the browsable API's pages need inline styles that the CSP refuses; people read
    # the API at /api/docs/.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "samlad.api.rendering.AlwaysJson",
    # No OPTIONS answers (405): the schema at /api/schema/ describes the API, and DRF's metadata
    # looked up the object for some views (500 for an address that names nothing).
    "DEFAULT_METADATA_CLASS": None,
}
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=env_int("API_TOKEN_TTL_HOURS", 24 * 30)),
    "AUTO_REFRESH": False,
    "TOKEN_LIMIT_PER_USER": 20,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Samlad API",
    "DESCRIPTION": (
        "The REST API of Samlad, the regional crisis-cooperation platform. Exchange a user name "
        "and password at POST /api/v1/auth/token/ for a token and send it as "
        "`Authorization: Token <token>`."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # One plain name per choices enum, whichever fields use it (apps' enums of the same field
    # name, e.g. "status" or "kind", would otherwise get hashed names). Enums with the same
    # choices share one name: events' and activations' status (open/closed), events' and
    # forums' mode (ordinary/activated).
    "ENUM_NAME_OVERRIDES": {
        "ActorKind": "samlad.actors.models.ActorKind",
        "MembershipKind": "samlad.actors.models.MembershipKind",
        "FunctionKind": "samlad.actors.models.FunctionKind",
        "ContactChannel": "samlad.actors.models.ContactChannel",
        "Classification": "samlad.core.models.Classification",
        "OpenClosed": "samlad.events.models.EventStatus",
        "Mode": "samlad.events.models.Mode",
        "LogEntryKind": "samlad.events.models.EntryKind",
        "ForumLevel": "samlad.activation.models.forums.Level",
        "Weekday": "samlad.activation.models.forums.Weekday",
        "ActivationRequestStatus": "samlad.activation.models.requests.RequestStatus",
        "ActivationUrgency": "samlad.activation.models.requests.Urgency",
        "ActivationKind": "samlad.activation.models.activations.ActivationKind",
        "Answer": "samlad.activation.models.activations.Answer",
        "DeliveryStatus": "samlad.notify.models.DeliveryStatus",
        "CapCategory": "samlad.notices.models.notices.CapCategory",
        "CapUrgency": "samlad.notices.models.notices.Urgency",
        "CapSeverity": "samlad.notices.models.notices.Severity",
        "CapCertainty": "samlad.notices.models.notices.Certainty",
        "CapMessageType": "samlad.notices.models.notices.MessageType",
        "NoticeStatus": "samlad.notices.models.notices.NoticeStatus",
        "NotificationScope": "samlad.notices.models.preferences.Scope",
        "NotificationTiming": "samlad.notices.models.notices.RecipientTiming",
        "ActionKind": "samlad.meetings.models.actions.ActionKind",
        "ActionStatus": "samlad.meetings.models.actions.ActionStatus",
        "Presence": "samlad.meetings.models.attendance.Presence",
    },
}

LOGGING = logging_config(
    level=env_str("LOG_LEVEL") or "INFO",
    json=env_bool("LOG_JSON", not (DEMO_MODE or DEBUG)),
)
