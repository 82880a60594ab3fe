"""Fixtures for the audit logs: signed-in clients (with the second step passed where the account
must use it: administrators and security officers), API clients with a token, and a few log
rows of known content at known times."""

from datetime import UTC, datetime

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from knox.models import AuthToken
from rest_framework.test import APIClient

from samlad.accounts.two_factor import must_use_two_factor
from samlad.core.models import ConfidentialRead, LogEntry


def _device(account) -> TOTPDevice:
    return TOTPDevice.objects.get_or_create(user=account, name="app", confirmed=True)[0]


@pytest.fixture
def signed_in(user):
    """signed_in("sakerhet") -> a test client of that demo user, past the second step."""

    def make(username: str) -> Client:
        account = user(username)
        client = Client()
        client.force_login(account, backend="samlad.accounts.backends.SamladBackend")
        if must_use_two_factor(account):
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = _device(account).persistent_id
            session.save()
        return client

    return make


@pytest.fixture
def api_as(user):
    """api_as("sakerhet") -> an API client sending that user's token."""

    def make(username: str) -> APIClient:
        account = user(username)
        if must_use_two_factor(account):
            _device(account)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {AuthToken.objects.create(user=account)[1]}")
        return client

    return make


@pytest.fixture
def problem():
    def check(response, status: int) -> dict:
        assert response.status_code == status, response.content
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == status
        return response.json()

    return check


@pytest.fixture
def logged(user, actor):
    """Log rows of known content: a change by nacka.kontakt on 5 March 2026 at 00:30 Swedish
    time (23:30 UTC the day before), one by polisen.kontakt on 6 March, and a read by tib."""

    def change(username, slug, at, **fields):
        return LogEntry.objects.create(
            at=at, user=user(username), acting_actor=actor(slug), **fields
        )

    nacka = change(
        "nacka.kontakt",
        "nacka",
        datetime(2026, 3, 4, 23, 30, tzinfo=UTC),
        action="event.created",
        target_type="events.event",
        target_id="8b0f8a4e-3c1f-4f6a-9d55-0c1d2e3f4a5b",
        summary="Vattenläcka Nacka strand",
        after={"title": "Vattenläcka Nacka strand"},
    )
    police = change(
        "polisen.kontakt",
        "polisen",
        datetime(2026, 3, 6, 9, 0, tzinfo=UTC),
        action="event.updated",
        target_type="events.event",
        target_id="1c2d3e4f-0000-4000-8000-000000000001",
        summary="Hot mot kritisk infrastruktur",
        before={"status": "ongoing"},
        after={"status": "closed"},
    )
    read = ConfidentialRead.objects.create(
        at=datetime(2026, 3, 5, 12, 0, tzinfo=UTC),
        user=user("tib"),
        target_type="actors.contactpoint",
        target_id="5a5a5a5a-1111-4222-8333-444455556666",
        via="page",
    )
    return {"nacka": nacka, "police": police, "read": read}
