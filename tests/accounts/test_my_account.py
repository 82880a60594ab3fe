"""Mitt konto: the user's actor, functions and sign-in security, and changing the password."""

from django.test import Client
from django.utils import translation
from signing import PASSWORD, sign_in

from samlad.actors.models import FunctionKind
from samlad.core.models import LogEntry

CHANGE = "/konto/losenord/andra/"
NEW_PASSWORD = "Nytt-beredskapsord-77"


def _change(client: Client, old: str, new: str, repeat: str | None = None):
    return client.post(
        CHANGE, {"old_password": old, "new_password1": new, "new_password2": repeat or new}
    )


def test_my_account_needs_signing_in(client, db):
    assert client.get("/konto/")["Location"] == "/konto/logga-in/?next=/konto/"


def test_my_account_shows_my_actor_functions_and_that_two_factor_is_off(client_for):
    page = client_for("nacka.kontakt").get("/konto/").content.decode()
    assert "Mitt konto" in page
    assert "Nacka kommun" in page
    with translation.override("sv"):
        assert str(FunctionKind.CONTACT.label) in page
        assert str(FunctionKind.PERMISSION_ADMIN.label) not in page
    assert "Av: du loggar in med enbart lösenord." in page
    assert 'href="/konto/tvastegsverifiering/aktivera/"' in page
    assert 'href="/konto/losenord/andra/"' in page


def test_an_administrator_sees_two_factor_on_and_required_with_no_way_to_turn_it_off(
    client_for,
):
    page = client_for("nacka.admin").get("/konto/").content.decode()
    with translation.override("sv"):
        assert str(FunctionKind.PERMISSION_ADMIN.label) in page
    assert "På: inloggningen kräver en kod från din autentiseringsapp." in page
    assert "Som administratör måste du använda tvåstegsverifiering." in page
    assert 'href="/konto/tvastegsverifiering/aktivera/"' in page
    assert 'href="/konto/tvastegsverifiering/ta-bort/"' not in page


def test_the_platform_administrator_is_shown_as_such(client_for):
    page = client_for("kansli").get("/konto/").content.decode()
    assert "Plattformsadministratör (samordningskansliet)" in page


def test_a_user_changes_the_password_and_signs_in_with_the_new_one(client, with_password, user):
    with_password("nacka.kontakt")
    sign_in(client, "nacka.kontakt")
    response = _change(client, PASSWORD, NEW_PASSWORD)
    assert response["Location"] == "/konto/"
    assert "Ditt lösenord är ändrat." in client.get("/konto/").content.decode()
    client.post("/konto/logga-ut/")
    assert sign_in(client, "nacka.kontakt", PASSWORD).status_code == 200
    assert sign_in(client, "nacka.kontakt", NEW_PASSWORD)["Location"] == "/"
    assert LogEntry.objects.filter(
        action="user.password_changed", target_id=str(user("nacka.kontakt").public_id)
    ).exists()


def test_changing_the_password_signs_out_the_other_sessions(with_password):
    with_password("nacka.kontakt")
    here, elsewhere = Client(), Client()
    sign_in(here, "nacka.kontakt")
    sign_in(elsewhere, "nacka.kontakt")
    _change(here, PASSWORD, NEW_PASSWORD)
    assert here.get("/aktorer/").status_code == 200
    assert elsewhere.get("/aktorer/").status_code == 302


def test_nobody_can_choose_the_demo_password_as_a_new_password(client, with_password):
    with_password("nacka.kontakt")
    sign_in(client, "nacka.kontakt")
    response = _change(client, PASSWORD, "samlad-demo")
    assert response.status_code == 200
    assert "Det här lösenordet är bara till för demon." in response.content.decode()
    client.post("/konto/logga-ut/")
    assert sign_in(client, "nacka.kontakt", PASSWORD)["Location"] == "/"


def test_a_weak_or_mistyped_new_password_gets_a_clear_error(client, with_password):
    with_password("nacka.kontakt")
    sign_in(client, "nacka.kontakt")
    short = _change(client, PASSWORD, "kort").content.decode()
    assert "Det här lösenordet är för kort" in short
    mistyped = _change(client, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x").content.decode()
    assert "De två lösenordsfälten stämmer inte överens" in mistyped


def test_the_wrong_current_password_is_refused(client, with_password):
    with_password("nacka.kontakt")
    sign_in(client, "nacka.kontakt")
    response = _change(client, "fel-losenord-123", NEW_PASSWORD)
    assert response.status_code == 200
    assert "Ditt gamla lösenord var felaktigt" in response.content.decode()
