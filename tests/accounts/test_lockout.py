"""Lockout (django-axes, and django-otp's throttling for codes): after five failed attempts,
by password or by code, the account is locked for 15 minutes, even for the right password."""

from django.test import Client
from signing import PASSWORD, code_for, sign_in, wrong_code_for

VERIFY = "/konto/tvastegsverifiering/verifiera/"
LOCKED_SV = "Kontot är låst"


def _fail_password(client: Client, username: str, times: int):
    response = None
    for _ in range(times):
        response = sign_in(client, username, "fel-losenord-123")
    return response


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_four_wrong_passwords_still_show_the_form(client, with_password):
    with_password("nacka.kontakt")
    response = _fail_password(client, "nacka.kontakt", 4)
    assert response.status_code == 200
    assert "Ange ett korrekt användarnamn och lösenord" in response.content.decode()


def test_five_wrong_passwords_lock_the_account_with_a_clear_swedish_page(client, with_password):
    with_password("nacka.kontakt")
    response = _fail_password(client, "nacka.kontakt", 5)
    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKED_SV in page
    assert "låst i 15 minuter" in page
    assert "behörighetsadministratör" in page
    assert "samordningskansliet" in page


def test_the_right_password_is_refused_while_the_account_is_locked(client, with_password):
    with_password("nacka.kontakt")
    _fail_password(client, "nacka.kontakt", 5)
    response = sign_in(client, "nacka.kontakt")
    assert response.status_code == 429
    assert LOCKED_SV in response.content.decode()
    assert not _signed_in(client)


def test_the_lock_ends_15_minutes_after_the_last_attempt(client, with_password, clock):
    with_password("nacka.kontakt")
    _fail_password(client, "nacka.kontakt", 5)
    clock.shift(14 * 60)
    assert sign_in(client, "nacka.kontakt").status_code == 429
    clock.shift(14 * 60)
    assert sign_in(client, "nacka.kontakt").status_code == 429
    clock.shift(15 * 60 + 1)
    assert sign_in(client, "nacka.kontakt")["Location"] == "/"


def test_every_spelling_of_a_user_name_counts_towards_the_same_lock(client, with_password):
    with_password("nacka.kontakt")
    for spelling in (
        "Nacka.Kontakt",
        "NACKA.KONTAKT",
        "nacka.Kontakt",
        " nacka.kontakt",
        "NaCkA.kontakt",
    ):
        sign_in(client, spelling, "fel-losenord-123")
    assert sign_in(client, "nacka.kontakt").status_code == 429


def test_wrong_passwords_on_the_admin_sign_in_page_count_towards_the_same_lock(
    client, with_password
):
    with_password("nacka.kontakt")
    for spelling in (
        "Nacka.Kontakt",
        "NACKA.KONTAKT",
        "nacka.Kontakt",
        "nacka.kontakT",
        "NaCkA.kontakt",
    ):
        client.post("/admin/login/", {"username": spelling, "password": "fel-losenord-123"})
    assert sign_in(client, "nacka.kontakt").status_code == 429


def test_a_locked_account_does_not_lock_out_colleagues(client, with_password):
    with_password("nacka.kontakt")
    with_password("stockholm.kontakt")
    _fail_password(client, "nacka.kontakt", 5)
    assert sign_in(client, "stockholm.kontakt")["Location"] == "/"


def test_a_wrong_code_says_how_many_tries_are_left(client, with_password, device_for, clock):
    with_password("nacka.admin")
    device = device_for("nacka.admin")
    sign_in(client, "nacka.admin")
    response = client.post(VERIFY, {"code": wrong_code_for(device)})
    assert "Efter 4 felaktiga koder till låses kontot." in response.content.decode()


def test_wrong_codes_are_throttled_and_the_wait_is_shown(client, with_password, device_for, clock):
    with_password("nacka.admin")
    device = device_for("nacka.admin")
    sign_in(client, "nacka.admin")
    client.post(VERIFY, {"code": wrong_code_for(device)})
    response = client.post(VERIFY, {"code": code_for(device)})
    assert response.status_code == 200
    assert "Vänta 1 sekund och försök igen." in response.content.decode()
    clock.shift(1)
    client.post(VERIFY, {"code": wrong_code_for(device)})
    response = client.post(VERIFY, {"code": code_for(device)})
    assert "Vänta 2 sekunder och försök igen." in response.content.decode()
    clock.shift(2)
    assert client.post(VERIFY, {"code": code_for(device)})["Location"] == "/"


def _fail_codes(client, device, clock, times: int):
    """Wrong codes, each after django-otp's wait (at most 16 s before the fifth) has passed."""
    response = None
    for _ in range(times):
        response = client.post(VERIFY, {"code": wrong_code_for(device)})
        assert "försök igen" not in response.content.decode()
        clock.shift(20)
    return response


def test_five_wrong_codes_lock_the_account_and_sign_out(client, with_password, device_for, clock):
    with_password("nacka.admin")
    device = device_for("nacka.admin")
    sign_in(client, "nacka.admin")
    response = _fail_codes(client, device, clock, 5)
    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKED_SV in page
    assert "låst i 15 minuter" in page
    assert not _signed_in(client)


def test_after_five_wrong_codes_even_the_right_password_and_code_are_refused(
    client, with_password, device_for, clock
):
    with_password("nacka.admin")
    device = device_for("nacka.admin")
    sign_in(client, "nacka.admin")
    _fail_codes(client, device, clock, 5)
    assert sign_in(client, "nacka.admin").status_code == 429
    clock.shift(16 * 60)
    assert sign_in(client, "nacka.admin").status_code == 302
    assert client.post(VERIFY, {"code": code_for(device)})["Location"] == "/"


def test_signing_in_again_does_not_wipe_the_count_of_wrong_codes(
    client, with_password, device_for, clock
):
    with_password("nacka.admin")
    device = device_for("nacka.admin")
    sign_in(client, "nacka.admin")
    _fail_codes(client, device, clock, 3)
    client.post("/konto/logga-ut/")
    sign_in(client, "nacka.admin")
    response = _fail_codes(client, device, clock, 2)
    assert response.status_code == 429
    response = sign_in(client, "nacka.admin")
    assert response.status_code == 302
    response = client.get(response["Location"], follow=True)
    assert response.status_code == 429
    assert LOCKED_SV in response.content.decode()
    assert not _signed_in(client)


def test_the_code_step_stays_locked_for_15_minutes_after_the_last_wrong_code(
    with_password, device_for, clock
):
    with_password("nacka.admin")
    device = device_for("nacka.admin")
    first = Client()
    sign_in(first, "nacka.admin")
    _fail_codes(first, device, clock, 3)
    first.post("/konto/logga-ut/")
    second = Client()
    sign_in(second, "nacka.admin")
    _fail_codes(second, device, clock, 2)
    clock.shift(10 * 60)
    third = Client()
    assert sign_in(third, "nacka.admin").status_code == 302
    response = third.post(VERIFY, {"code": code_for(device)})
    assert response.status_code == 429
    assert LOCKED_SV in response.content.decode()


def _fail_from_addresses(client: Client, username: str, addresses: int, each: int):
    """Wrong passwords from `addresses` different addresses, `each` from every one (fewer than
    the five that lock an account at one address)."""
    for number in range(addresses):
        for _ in range(each):
            client.post(
                "/konto/logga-in/",
                {"username": username, "password": "fel-losenord-123"},
                REMOTE_ADDR=f"198.51.100.{number + 1}",
            )


def test_guesses_spread_over_many_addresses_lock_the_account_everywhere(client, with_password):
    with_password("nacka.kontakt")
    _fail_from_addresses(client, "nacka.kontakt", addresses=5, each=4)  # 20 in all
    response = client.post(
        "/konto/logga-in/",
        {"username": "nacka.kontakt", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 429
    assert LOCKED_SV in response.content.decode()


def test_fewer_guesses_over_many_addresses_leave_the_account_open(client, with_password):
    with_password("nacka.kontakt")
    _fail_from_addresses(client, "nacka.kontakt", addresses=19, each=1)
    response = client.post(
        "/konto/logga-in/",
        {"username": "nacka.kontakt", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.7",
    )
    assert response["Location"] == "/"
