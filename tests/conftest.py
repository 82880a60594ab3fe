"""Shared fixtures. The demo registry (37 actors, their functions, contact points and demo
logins) is loaded once per test database; each test runs in a transaction that is rolled back."""

import pytest
from django.test import Client, override_settings

from samlad.accounts.models import User
from samlad.actors.models import Actor
from samlad.core.demo import load_all


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), override_settings(DEMO_MODE=True):
        load_all()


@pytest.fixture
def demo_data(transactional_db):
    """For tests that commit (live server, browser): the flush of an earlier transactional test
    removed the demo data, so load it again."""
    with override_settings(DEMO_MODE=True):
        load_all()


@pytest.fixture
def user(db):
    """user("nacka.kontakt") -> that demo account."""
    return lambda username: User.objects.get(username=username)


@pytest.fixture
def actor(db):
    """actor("nacka") -> that actor."""
    return lambda slug: Actor.objects.get(slug=slug)


@pytest.fixture
def client_for(db):
    """client_for("nacka.admin") -> a test client signed in as that demo user (2FA satisfied
    for administrators, as after a verified login)."""

    def make(username: str) -> Client:
        client = Client()
        account = User.objects.get(username=username)
        client.force_login(account, backend="samlad.accounts.backends.SamladBackend")
        if account.is_administrator:
            _verify_second_factor(client, account)
        return client

    return make


def _verify_second_factor(client: Client, account: User) -> None:
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(user=account, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
