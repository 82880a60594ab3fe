"""Fixtures for the delivery pipeline: the real SMTP server, a real HTTP server speaking the SMS
providers' APIs, quick retries, and `send_all()` to run the worker's sending until the outbox has
nothing left to do."""

import time

import pytest
from django.test import override_settings
from provider_server import ProviderServer

from samlad.notify.models import Delivery, DeliveryStatus
from samlad.notify.worker import sending
from smtp import smtp_server  # noqa: F401 - the real SMTP server fixture, shared from tests/

QUICK = {
    "NOTIFY_RETRY_BASE_SECONDS": 0.02,
    "NOTIFY_RETRY_MAX_SECONDS": 0.1,
    "NOTIFY_MAX_ATTEMPTS": 8,
    "NOTIFY_HTTP_TIMEOUT": 1.0,
    "NOTIFY_DEMO_OUTBOX": False,
}


@pytest.fixture
def quick_retries():
    with override_settings(**QUICK):
        yield


@pytest.fixture
def elks(quick_retries):
    """A running 46elks-speaking server that Samlad's SMS goes to."""
    with ProviderServer() as server, override_settings(**server.elks_settings()):
        yield server


@pytest.fixture
def twilio(quick_retries):
    """A running Twilio-speaking server that Samlad's SMS goes to."""
    with ProviderServer() as server, override_settings(**server.twilio_settings()):
        yield server


@pytest.fixture
def send_all():
    """send_all() -> runs the worker's sending (retries included) until no delivery is pending
    or being sent; fails after `timeout` seconds."""

    def run(timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            sending.send_due(seconds=timeout)
            open_ = Delivery.objects.filter(
                status__in=[DeliveryStatus.PENDING, DeliveryStatus.SENDING]
            )
            if not open_.exists():
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"still not sent: {list(open_.values('address', 'status'))}")
            time.sleep(0.02)

    return run
