"""Shared fixtures. The demo registry (37 actors, their functions, contact points and demo
logins) is loaded once per test database; each test runs in a transaction that is rolled back.

`--clock "2026-12-03 09:05"` (or SAMLAD_TEST_CLOCK) runs the whole suite with the clock set to
that Stockholm time, ticking on from there, in every process of the run (tests/clocked.py): no
test may depend on the day or hour it is run."""

import os
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client, override_settings

import clocked
from samlad.accounts.models import User
from samlad.actors.models import Actor
from samlad.core.demo import load_all


def pytest_addoption(parser):
    parser.addoption(
        "--clock",
        default=os.environ.get("SAMLAD_TEST_CLOCK", ""),
        help="run the suite as if the Stockholm time were this (e.g. '2026-12-03 09:05')",
    )


def pytest_configure(config):
    line = os.environ.get("SAMLAD_CLOCK_SPEC")  # set by the run that started this process
    if not line and config.getoption("clock"):
        start = datetime.fromisoformat(config.getoption("clock"))
        if start.tzinfo is None:
            start = start.replace(tzinfo=ZoneInfo("Europe/Stockholm"))
        line = os.environ["SAMLAD_CLOCK_SPEC"] = clocked.spec(start)
    if line:
        config.samlad_clock = time_machine.travel(clocked.reading(line), tick=True)
        config.samlad_clock.start()


def pytest_report_header(config):
    if os.environ.get("SAMLAD_CLOCK_SPEC"):
        return f"test clock: {clocked.reading(os.environ['SAMLAD_CLOCK_SPEC']).isoformat()}"
    return None


def pytest_unconfigure(config):
    if getattr(config, "samlad_clock", None):
        config.samlad_clock.stop()


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


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the site's default language (Swedish). A request through the test
    client leaves the language it chose active in the worker's thread, so without this a test
    after an English request would read English messages."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
