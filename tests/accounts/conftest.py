from datetime import UTC, datetime

import pytest
import time_machine
from django_otp.plugins.otp_totp.models import TOTPDevice
from signing import PASSWORD

from smtp import smtp_server  # noqa: F401 - the real SMTP server fixture, shared from tests/


@pytest.fixture
def with_password(user):
    """with_password("nacka.admin") -> that demo user, with a real password (signing.PASSWORD)."""

    def make(username: str):
        account = user(username)
        account.set_password(PASSWORD)
        account.save(update_fields=["password"])
        return account

    return make


@pytest.fixture
def device_for(user):
    """device_for("nacka.admin") -> a confirmed authenticator app for that user."""

    def make(username: str) -> TOTPDevice:
        return TOTPDevice.objects.create(user=user(username), name="app", confirmed=True)

    return make


@pytest.fixture
def clock():
    """Time stands still at the start of a 30-second TOTP period until the test moves it
    (clock.shift(seconds)): codes, throttling and lockouts then behave predictably."""
    with time_machine.travel(datetime(2026, 3, 5, 9, 0, 0, tzinfo=UTC), tick=False) as traveller:
        yield traveller
