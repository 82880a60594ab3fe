"""Signing in and out: Swedish by default, English on request; case-insensitive user names; the
demo password only in demo mode; deactivated accounts and actors stay out."""

from django.conf import settings
from django.test import override_settings
from signing import PASSWORD, sign_in

from samlad.accounts.services import set_user_active
from samlad.actors.services import set_actor_active

WRONG_CREDENTIALS_SV = "Ange ett korrekt användarnamn och lösenord"


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_sign_in_page_is_swedish_by_default(client, db):
    page = client.get("/konto/logga-in/").content.decode()
    assert '<html lang="sv">' in page
    assert "Logga in" in page
    assert "Användarnamn" in page
    assert "Lösenord" in page
    assert 'autocomplete="current-password"' in page
    assert "Glömt lösenordet?" in page


def test_the_sign_in_page_is_in_english_after_choosing_english(client, db):
    client.post("/i18n/setlang/", {"language": "en", "next": "/konto/logga-in/"})
    page = client.get("/konto/logga-in/").content.decode()
    assert '<html lang="en">' in page
    assert "Sign in" in page
    assert "Username" in page
    assert "Forgotten your password?" in page


def test_the_contact_function_of_nacka_signs_in_and_reaches_the_start_page(client, with_password):
    with_password("nacka.kontakt")
    response = sign_in(client, "nacka.kontakt")
    assert response.status_code == 302
    assert response["Location"] == "/"
    page = client.get("/").content.decode()
    assert "Du är inloggad för Nacka kommun" in page


def test_user_names_are_not_case_sensitive(client, with_password):
    with_password("nacka.kontakt")
    response = sign_in(client, "  Nacka.KONTAKT ")
    assert response.status_code == 302
    assert _signed_in(client)


def test_sign_in_goes_back_to_the_page_asked_for(client, with_password):
    with_password("nacka.kontakt")
    response = sign_in(client, "nacka.kontakt", next="/aktorer/")
    assert response["Location"] == "/aktorer/"


def test_sign_in_never_sends_the_user_to_another_site(client, with_password):
    with_password("nacka.kontakt")
    response = sign_in(client, "nacka.kontakt", next="https://elak.example/")
    assert response["Location"] == "/"


def test_a_wrong_password_and_an_unknown_user_get_the_same_clear_error(client, with_password):
    with_password("nacka.kontakt")
    wrong_password = sign_in(client, "nacka.kontakt", "fel-losenord-123")
    unknown_user = sign_in(client, "ingen.sadan", "fel-losenord-123")
    for response in (wrong_password, unknown_user):
        assert response.status_code == 200
        assert WRONG_CREDENTIALS_SV in response.content.decode()
    assert not _signed_in(client)


def test_an_empty_sign_in_form_gets_field_errors_not_a_crash(client, db):
    response = client.post("/konto/logga-in/", {})
    assert response.status_code == 200
    assert "Det här fältet är obligatoriskt." in response.content.decode()


def test_pages_need_signing_in(client, db):
    response = client.get("/aktorer/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/logga-in/?next=/aktorer/"


def test_signing_out_ends_the_session(client, with_password):
    with_password("nacka.kontakt")
    sign_in(client, "nacka.kontakt")
    response = client.post("/konto/logga-ut/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/logga-in/"
    assert not _signed_in(client)
    assert client.get("/aktorer/").status_code == 302
    assert "Du är utloggad." in client.get("/konto/logga-in/").content.decode()


def test_signing_out_needs_a_post_so_no_link_can_sign_you_out(client, with_password):
    with_password("nacka.kontakt")
    sign_in(client, "nacka.kontakt")
    assert client.get("/konto/logga-ut/").status_code == 405
    assert _signed_in(client)


def test_the_demo_password_does_not_sign_in_outside_demo_mode(client, db):
    assert settings.DEMO_MODE is False
    response = sign_in(client, "nacka.kontakt", "samlad-demo")
    assert response.status_code == 200
    assert WRONG_CREDENTIALS_SV in response.content.decode()
    assert not _signed_in(client)


@override_settings(DEMO_MODE=True, REQUIRE_ADMIN_TWO_FACTOR=False)
def test_the_demo_password_signs_in_in_demo_mode(client, db):
    response = sign_in(client, "nacka.kontakt", "samlad-demo")
    assert response.status_code == 302
    assert _signed_in(client)


def test_a_deactivated_user_cannot_sign_in(client, with_password, user):
    account = with_password("nacka.kontakt")
    set_user_active(by=user("nacka.admin"), user=account, active=False)
    response = sign_in(client, "nacka.kontakt")
    assert response.status_code == 200
    assert WRONG_CREDENTIALS_SV in response.content.decode()
    assert not _signed_in(client)


def test_users_of_a_deactivated_actor_cannot_sign_in(client, with_password, user, actor):
    with_password("nacka.kontakt")
    with_password("nacka.admin")
    set_actor_active(by=user("kansli"), actor=actor("nacka"), active=False)
    for username in ("nacka.kontakt", "nacka.admin"):
        response = sign_in(client, username)
        assert response.status_code == 200
        assert WRONG_CREDENTIALS_SV in response.content.decode()
        assert not _signed_in(client)


def test_a_signed_in_user_who_is_deactivated_is_out_at_the_next_request(
    client, with_password, user
):
    account = with_password("nacka.kontakt")
    sign_in(client, "nacka.kontakt")
    assert client.get("/aktorer/").status_code == 200
    set_user_active(by=user("nacka.admin"), user=account, active=False)
    response = client.get("/aktorer/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/")


def test_a_signed_in_user_whose_actor_is_deactivated_is_out_at_the_next_request(
    client, with_password, user, actor
):
    with_password("nacka.kontakt")
    sign_in(client, "nacka.kontakt")
    set_actor_active(by=user("kansli"), actor=actor("nacka"), active=False)
    response = client.get("/aktorer/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/")


def test_passwords_are_stored_as_argon2_hashes(with_password):
    account = with_password("nacka.kontakt")
    assert account.password.startswith("argon2")
    assert PASSWORD not in account.password
