"""Two-factor authentication (TOTP): administrators must set it up and use it outside demo mode;
anybody may opt in; a user with an app enters a code before reaching any page."""

from urllib.parse import quote

from django.test import Client, override_settings
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from signing import (
    backup_codes_on_page,
    code_for,
    code_for_key,
    secret_on_page,
    sign_in,
    wrong_code_for,
)

from samlad.accounts.two_factor import enable_two_factor, new_secret
from samlad.core.models import LogEntry

SETUP = "/konto/tvastegsverifiering/aktivera/"
VERIFY = "/konto/tvastegsverifiering/verifiera/"
BACKUP = "/konto/tvastegsverifiering/reservkod/"
REMOVE = "/konto/tvastegsverifiering/ta-bort/"
PROTECTED_PAGES = ["/aktorer/", "/administration/", "/konto/", "/konto/losenord/andra/", "/"]


def _second_step(path: str) -> str:
    return f"/konto/tvastegsverifiering/?next={quote(path, safe='')}"


def _set_up_app_through_the_page(client: Client) -> tuple[str, str]:
    """Scan (read the secret from the page), confirm with a code; returns (key, page after)."""
    key = secret_on_page(client.get(SETUP).content.decode())
    response = client.post(SETUP, {"code": code_for_key(key)}, follow=True)
    return key, response.content.decode()


def test_an_administrator_without_an_app_is_sent_to_set_one_up_after_signing_in(
    client, with_password
):
    with_password("nacka.admin")
    response = sign_in(client, "nacka.admin")
    assert response["Location"] == _second_step("/")
    response = client.get(response["Location"], follow=True)
    assert response.redirect_chain[-1][0].startswith(SETUP)
    page = response.content.decode()
    assert "Aktivera tvåstegsverifiering" in page
    assert "Som administratör måste du använda tvåstegsverifiering" in page


def test_an_administrator_without_an_app_reaches_no_page_until_it_is_set_up(client, with_password):
    with_password("nacka.admin")
    sign_in(client, "nacka.admin")
    for path in PROTECTED_PAGES:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == _second_step(path), path


def test_a_platform_administrator_must_set_up_an_app_too(client, with_password):
    with_password("kansli")
    sign_in(client, "kansli")
    assert client.get("/aktorer/")["Location"] == _second_step("/aktorer/")


def test_the_setup_page_shows_a_qr_code_drawn_on_the_server_and_the_key_as_text(
    client, with_password
):
    with_password("nacka.admin")
    sign_in(client, "nacka.admin")
    response = client.get(SETUP)
    page = response.content.decode()
    assert "<svg" in page
    assert 'role="img"' in page
    assert "<script>" not in page
    assert len(secret_on_page(page)) == 40
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]


def test_the_key_stays_the_same_while_the_setup_page_is_reloaded(client, with_password):
    with_password("nacka.admin")
    sign_in(client, "nacka.admin")
    first = secret_on_page(client.get(SETUP).content.decode())
    again = secret_on_page(client.get(SETUP).content.decode())
    assert first == again


def test_an_administrator_sets_up_the_app_and_then_reaches_every_page(client, with_password, user):
    with_password("nacka.admin")
    sign_in(client, "nacka.admin", next="/aktorer/")
    client.get(_second_step("/aktorer/"))
    key, page = _set_up_app_through_the_page(client)
    assert "Tvåstegsverifiering är påslagen." in page
    assert len(backup_codes_on_page(page)) == 10
    device = TOTPDevice.objects.get(user=user("nacka.admin"))
    assert device.confirmed and device.key == key
    for path in PROTECTED_PAGES:
        assert client.get(path).status_code == 200, path
    assert LogEntry.objects.filter(
        action="user.two_factor_enabled", target_id=str(user("nacka.admin").public_id)
    ).exists()


def test_after_setup_the_administrator_goes_on_to_the_page_first_asked_for(client, with_password):
    with_password("nacka.admin")
    sign_in(client, "nacka.admin", next="/aktorer/")
    setup_url = client.get(_second_step("/aktorer/"))["Location"]
    key = secret_on_page(client.get(setup_url).content.decode())
    response = client.post(setup_url, {"code": code_for_key(key)})
    codes_page = client.get(response["Location"]).content.decode()
    assert 'href="/aktorer/"' in codes_page


def test_a_wrong_code_does_not_turn_on_two_factor(client, with_password, user):
    with_password("nacka.admin")
    sign_in(client, "nacka.admin")
    key = secret_on_page(client.get(SETUP).content.decode())
    wrong = next(code for code in ("000000", "111111") if code != code_for_key(key))
    response = client.post(SETUP, {"code": wrong})
    assert response.status_code == 200
    assert "Koden stämmer inte" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=user("nacka.admin")).exists()
    assert client.get("/aktorer/").status_code == 302


def test_a_code_that_is_not_six_digits_gets_a_clear_error(client, with_password):
    with_password("nacka.admin")
    sign_in(client, "nacka.admin")
    client.get(SETUP)
    for bad in ("", "12345", "abcdef", "1234567", "12 34 5x"):
        response = client.post(SETUP, {"code": bad})
        assert response.status_code == 200
        page = response.content.decode()
        assert (
            "Ange de sex siffror som visas i din autentiseringsapp." in page
            or "Det här fältet är obligatoriskt." in page
        )


def test_the_code_field_suits_one_time_codes(client, with_password):
    with_password("nacka.admin")
    sign_in(client, "nacka.admin")
    page = client.get(SETUP).content.decode()
    assert 'autocomplete="one-time-code"' in page
    assert 'inputmode="numeric"' in page
    assert '<label for="id_code">' in page


def test_an_administrator_with_an_app_must_enter_a_code_before_any_page(
    client, with_password, device_for, clock
):
    with_password("nacka.admin")
    device = device_for("nacka.admin")
    response = sign_in(client, "nacka.admin")
    assert client.get(response["Location"])["Location"] == f"{VERIFY}?next=%2F"
    for path in PROTECTED_PAGES:
        assert client.get(path)["Location"] == _second_step(path), path

    response = client.post(VERIFY, {"code": wrong_code_for(device)})
    assert response.status_code == 200
    assert "Koden stämmer inte" in response.content.decode()
    assert client.get("/aktorer/").status_code == 302

    clock.shift(2)
    response = client.post(f"{VERIFY}?next=/aktorer/", {"code": code_for(device)})
    assert response["Location"] == "/aktorer/"
    for path in PROTECTED_PAGES:
        assert client.get(path).status_code == 200, path


def test_a_code_works_only_once(with_password, device_for, clock):
    with_password("nacka.admin")
    device = device_for("nacka.admin")
    first, second = Client(), Client()
    sign_in(first, "nacka.admin")
    sign_in(second, "nacka.admin")
    code = code_for(device)
    assert first.post(VERIFY, {"code": code}).status_code == 302
    response = second.post(VERIFY, {"code": code})
    assert response.status_code == 200
    assert "Koden stämmer inte" in response.content.decode()


def test_an_administrator_with_an_unconfirmed_app_is_sent_to_setup(client, with_password, user):
    with_password("nacka.admin")
    TOTPDevice.objects.create(user=user("nacka.admin"), name="half", confirmed=False)
    sign_in(client, "nacka.admin")
    assert client.get("/konto/tvastegsverifiering/")["Location"].startswith(SETUP)


@override_settings(DEMO_MODE=True, REQUIRE_ADMIN_TWO_FACTOR=False)
def test_in_demo_mode_administrators_are_not_forced_to_use_two_factor(client, db):
    response = sign_in(client, "nacka.admin", "samlad-demo")
    assert response["Location"] == "/"
    assert client.get("/aktorer/").status_code == 200
    assert client.get("/administration/").status_code == 200


def test_the_contact_function_is_not_forced_to_use_two_factor(client, with_password):
    with_password("nacka.kontakt")
    assert sign_in(client, "nacka.kontakt")["Location"] == "/"
    assert client.get("/aktorer/").status_code == 200
    page = client.get("/konto/").content.decode()
    assert "Av: du loggar in med enbart lösenord." in page


def test_the_contact_function_may_opt_in_and_is_then_asked_for_a_code(
    client, with_password, user, clock
):
    with_password("nacka.kontakt")
    sign_in(client, "nacka.kontakt")
    assert client.get("/konto/tvastegsverifiering/")["Location"] == SETUP
    _set_up_app_through_the_page(client)
    client.post("/konto/logga-ut/")

    clock.shift(30)
    response = sign_in(client, "nacka.kontakt")
    assert response["Location"] == _second_step("/")
    assert client.get("/aktorer/").status_code == 302
    device = TOTPDevice.objects.get(user=user("nacka.kontakt"))
    assert client.post(VERIFY, {"code": code_for(device)})["Location"] == "/"
    assert client.get("/aktorer/").status_code == 200


def test_someone_with_only_the_password_cannot_replace_the_app(client, with_password, device_for):
    with_password("nacka.kontakt")
    device = device_for("nacka.kontakt")
    sign_in(client, "nacka.kontakt")
    response = client.get(SETUP)
    assert response["Location"] == VERIFY
    assert client.post(SETUP, {"code": "123456"})["Location"] == VERIFY
    assert TOTPDevice.objects.get(pk=device.pk).key == device.key


def test_a_verified_user_replaces_the_app_and_the_old_one_stops_working(
    with_password, device_for, user, clock
):
    with_password("nacka.kontakt")
    old = device_for("nacka.kontakt")
    client = Client()
    sign_in(client, "nacka.kontakt")
    client.post(VERIFY, {"code": code_for(old)})
    clock.shift(30)
    new_key, page = _set_up_app_through_the_page(client)
    assert "Tvåstegsverifiering är påslagen." in page
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert TOTPDevice.objects.get(user=user("nacka.kontakt")).key == new_key
    assert client.get("/aktorer/").status_code == 200

    clock.shift(30)
    other = Client()
    sign_in(other, "nacka.kontakt")
    assert other.post(VERIFY, {"code": code_for(old)}).status_code == 200
    clock.shift(2)
    assert other.post(VERIFY, {"code": code_for_key(new_key)}).status_code == 302


def test_a_backup_code_signs_in_once(with_password, user, clock):
    account = with_password("nacka.admin")
    key = new_secret()
    _, codes = enable_two_factor(user=account, key=key, code=code_for_key(key))
    client = Client()
    sign_in(client, "nacka.admin")
    response = client.post(BACKUP, {"backup_code": codes[0].upper()})
    assert response["Location"] == "/"
    assert client.get("/administration/").status_code == 200
    assert "Du har 9 oanvända reservkoder." in client.get("/konto/").content.decode()

    again = Client()
    sign_in(again, "nacka.admin")
    response = again.post(BACKUP, {"backup_code": codes[0]})
    assert response.status_code == 200
    assert "Koden stämmer inte" in response.content.decode()
    assert again.get("/administration/").status_code == 302


def test_a_malformed_backup_code_gets_a_clear_error(client, with_password, device_for):
    with_password("nacka.admin")
    device_for("nacka.admin")
    sign_in(client, "nacka.admin")
    response = client.post(BACKUP, {"backup_code": "not a code!"})
    assert response.status_code == 200
    assert "En reservkod har åtta bokstäver och siffror." in response.content.decode()


def test_new_backup_codes_replace_the_old_ones_and_are_shown_once(client_for, user):
    client = client_for("nacka.admin")
    account = user("nacka.admin")
    old = set(StaticToken.objects.filter(device__user=account).values_list("token", flat=True))
    response = client.post("/konto/tvastegsverifiering/reservkoder/", follow=True)
    codes = backup_codes_on_page(response.content.decode())
    assert len(codes) == 10
    assert set(codes) == set(
        StaticToken.objects.filter(device__user=account).values_list("token", flat=True)
    )
    assert not old & set(codes)
    shown_again = client.get("/konto/tvastegsverifiering/reservkoder/").content.decode()
    assert backup_codes_on_page(shown_again) == []
    assert "10 oanvända reservkoder" in shown_again


def test_a_user_turns_two_factor_off_with_a_fresh_code(with_password, device_for, user, clock):
    with_password("nacka.kontakt")
    device = device_for("nacka.kontakt")
    client = Client()
    sign_in(client, "nacka.kontakt")
    client.post(VERIFY, {"code": code_for(device)})

    response = client.post(REMOVE, {"code": wrong_code_for(device)})
    assert response.status_code == 200
    assert "Koden stämmer inte" in response.content.decode()
    assert TOTPDevice.objects.filter(user=user("nacka.kontakt")).exists()

    clock.shift(30)
    response = client.post(REMOVE, {"code": code_for(device)}, follow=True)
    assert "Tvåstegsverifiering är avstängd." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=user("nacka.kontakt")).exists()
    client.post("/konto/logga-ut/")
    assert sign_in(client, "nacka.kontakt")["Location"] == "/"
    assert client.get("/aktorer/").status_code == 200


def test_an_administrator_cannot_turn_two_factor_off(client_for, user):
    client = client_for("nacka.admin")
    page = client.get(REMOVE).content.decode()
    assert "du kan inte stänga av den" in page
    response = client.post(REMOVE, {"code": "123456"})
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=user("nacka.admin")).exists()


def test_turning_two_factor_off_needs_a_verified_session(client, with_password, device_for):
    with_password("nacka.kontakt")
    device_for("nacka.kontakt")
    sign_in(client, "nacka.kontakt")
    assert client.get(REMOVE)["Location"] == _second_step(REMOVE)
