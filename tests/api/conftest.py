"""Fixtures for API tests: clients that speak JSON, accounts with a real password, authenticator
apps and the codes they show, tokens, and a clock that stands still."""

from datetime import UTC, datetime

import pytest
import time_machine
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from knox.models import AuthToken
from rest_framework.test import APIClient

PASSWORD = "Stark-krisledning-2024"
TOKEN_URL = "/api/v1/auth/token/"


@pytest.fixture
def api(db):
    """A client with no credentials."""
    return APIClient()


@pytest.fixture
def with_password(user):
    """with_password("nacka.kontakt") -> that demo user, with the real password PASSWORD (the demo
    password works only in demo mode, and tests run outside it)."""

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
def code_for():
    """code_for(device) -> the code the user's app shows now."""
    return lambda device: f"{totp(device.bin_key, step=device.step):06d}"


@pytest.fixture
def wrong_code_for():
    """wrong_code_for(device) -> six digits that are not right now (nor a step before or after)."""

    def make(device: TOTPDevice) -> str:
        right = {f"{totp(device.bin_key, drift=drift):06d}" for drift in range(-2, 3)}
        return next(code for code in ("000000", "111111", "222222") if code not in right)

    return make


@pytest.fixture
def backup_codes_for(user):
    """backup_codes_for("nacka.admin", "abcdefgh") -> that user's backup codes."""

    def make(username: str, *codes: str) -> list[str]:
        device = StaticDevice.objects.create(user=user(username), name="backup", confirmed=True)
        for code in codes:
            StaticToken.objects.create(device=device, token=code)
        return list(codes)

    return make


@pytest.fixture
def token_for(user):
    """token_for("nacka.admin") -> a token of that user, as after an exchange (administrators get
    the authenticator app they must have)."""

    def make(username: str) -> str:
        account = user(username)
        if account.is_administrator:
            TOTPDevice.objects.get_or_create(user=account, name="app", confirmed=True)
        return AuthToken.objects.create(user=account)[1]

    return make


@pytest.fixture
def api_for(token_for):
    """api_for("nacka.admin") -> a client that sends that user's token."""

    def make(username: str) -> APIClient:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {token_for(username)}")
        return client

    return make


@pytest.fixture
def clock():
    """Time stands still at the start of a 30-second TOTP period until the test moves it
    (clock.shift(seconds)): codes, throttling and lockouts then behave predictably."""
    with time_machine.travel(datetime(2026, 3, 5, 9, 0, 0, tzinfo=UTC), tick=False) as traveller:
        yield traveller


@pytest.fixture
def problem():
    """problem(response, status) -> the problem document of an error response, checked."""

    def check(response, status: int) -> dict:
        assert response.status_code == status, response.content
        assert response["Content-Type"] == "application/problem+json"
        body = response.json()
        assert body["status"] == status
        return body

    return check


@pytest.fixture
def exchange(api):
    """exchange("nacka.admin", otp="123456") -> the answer of POST /api/v1/auth/token/ (with
    the password of with_password unless another is given)."""

    def post(username: str, password: str = PASSWORD, **extra):
        body = {"username": username, "password": password, **extra}
        return api.post(TOKEN_URL, body, format="json")

    return post


@pytest.fixture
def me(api):
    """me(token) -> the answer of GET /api/v1/me/ with that token."""
    return lambda token: api.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {token}")
