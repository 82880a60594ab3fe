"""Sessions end after a period without requests (sliding), when the user signs out, and when
the browser closes."""

from django.conf import settings
from django.test import Client
from django.utils import timezone
from signing import sign_in


def test_a_session_idle_longer_than_the_limit_no_longer_works(client, with_password, clock):
    with_password("nacka.kontakt")
    sign_in(client, "nacka.kontakt")
    assert client.get("/aktorer/").status_code == 200
    clock.shift(settings.SESSION_COOKIE_AGE + 60)
    response = client.get("/aktorer/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/logga-in/?next=/aktorer/"


def test_a_session_in_use_stays_alive_past_the_idle_limit(client, with_password, clock):
    with_password("nacka.kontakt")
    sign_in(client, "nacka.kontakt")
    for _ in range(3):
        clock.shift(settings.SESSION_COOKIE_AGE - 60)
        assert client.get("/aktorer/").status_code == 200


def test_signing_out_ends_the_session_even_for_a_copied_cookie(client, with_password):
    with_password("nacka.kontakt")
    sign_in(client, "nacka.kontakt")
    stolen = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post("/konto/logga-ut/")
    thief = Client()
    thief.cookies[settings.SESSION_COOKIE_NAME] = stolen
    assert thief.get("/aktorer/").status_code == 302


def test_the_session_cookie_ends_with_the_browser_and_is_hidden_from_scripts(client, with_password):
    with_password("nacka.kontakt")
    response = sign_in(client, "nacka.kontakt")
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == ""
    assert cookie["max-age"] == ""
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_signing_in_gives_a_new_session_key(client, with_password):
    with_password("nacka.kontakt")
    client.get("/konto/logga-in/")
    client.session.save()
    before = client.session.session_key
    sign_in(client, "nacka.kontakt")
    assert client.session.session_key != before


def test_pages_seen_without_signing_in_leave_no_session_behind(client, db):
    from django.contrib.sessions.models import Session

    for path in ("/healthz", "/konto/logga-in/", "/api/v1/me/"):
        client.get(path)
    assert not Session.objects.exists()


def test_the_idle_limit_counts_from_the_last_use_within_a_minute(client, with_password, clock):
    from django.contrib.sessions.models import Session

    with_password("nacka.kontakt")
    sign_in(client, "nacka.kontakt")
    clock.shift(3600)
    assert client.get("/aktorer/").status_code == 200
    (session,) = Session.objects.all()
    idle_left = (session.expire_date - timezone.now()).total_seconds()
    assert settings.SESSION_COOKIE_AGE - 60 <= idle_left <= settings.SESSION_COOKIE_AGE
