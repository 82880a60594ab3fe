"""The API shares the sign-in page's lockout: five failed attempts, by password or by code, on
the page or through the API, lock the account for 15 minutes, even for the right password.
The API answers 429 with a problem document, never the HTML page."""

from django.test import Client
from knox.models import AuthToken

PASSWORD = "Stark-krisledning-2024"  # the password with_password gives

PAGE = "/konto/logga-in/"
VERIFY = "/konto/tvastegsverifiering/verifiera/"


def fail_passwords(exchange, username: str, times: int):
    response = None
    for _ in range(times):
        response = exchange(username, "fel-losenord-123")
    return response


def test_four_wrong_passwords_are_only_refused(exchange, with_password, problem):
    with_password("nacka.kontakt")
    assert problem(fail_passwords(exchange, "nacka.kontakt", 4), 401)["code"] == (
        "wrong_credentials"
    )


def test_five_wrong_passwords_lock_the_account(exchange, with_password, problem):
    with_password("nacka.kontakt")
    response = fail_passwords(exchange, "nacka.kontakt", 5)
    body = problem(response, 429)
    assert body["code"] == "locked_out"
    assert "låst i 15 minuter" in body["detail"]
    assert response["Retry-After"] == "900"


def test_the_right_password_is_refused_while_the_account_is_locked(
    exchange, with_password, problem
):
    with_password("nacka.kontakt")
    fail_passwords(exchange, "nacka.kontakt", 5)
    problem(exchange("nacka.kontakt"), 429)
    assert not AuthToken.objects.exists()


def test_the_lock_ends_15_minutes_after_the_last_attempt(exchange, with_password, clock):
    with_password("nacka.kontakt")
    fail_passwords(exchange, "nacka.kontakt", 5)
    clock.shift(14 * 60)
    assert exchange("nacka.kontakt").status_code == 429
    clock.shift(15 * 60 + 1)
    assert exchange("nacka.kontakt").status_code == 200


def test_every_spelling_of_a_user_name_counts_towards_the_same_lock(exchange, with_password):
    with_password("nacka.kontakt")
    spellings = [
        "Nacka.Kontakt",
        "NACKA.KONTAKT",
        "nacka.Kontakt",
        " nacka.kontakt",
        "NaCkA.kontakt",
    ]
    for spelling in spellings:
        exchange(spelling, "fel-losenord-123")
    assert exchange("nacka.kontakt").status_code == 429


def test_failures_through_the_api_lock_the_sign_in_page_too(exchange, with_password):
    with_password("nacka.kontakt")
    fail_passwords(exchange, "nacka.kontakt", 5)
    page = Client().post(PAGE, {"username": "nacka.kontakt", "password": "whatever"})
    assert page.status_code == 429
    assert "Kontot är låst" in page.content.decode()


def test_failures_on_the_sign_in_page_lock_the_api_too(exchange, with_password, problem):
    with_password("nacka.kontakt")
    browser = Client()
    for _ in range(5):
        browser.post(PAGE, {"username": "nacka.kontakt", "password": "fel-losenord-123"})
    assert problem(exchange("nacka.kontakt"), 429)["code"] == "locked_out"


def test_a_locked_account_does_not_lock_out_colleagues(exchange, with_password):
    with_password("nacka.kontakt")
    with_password("stockholm.kontakt")
    fail_passwords(exchange, "nacka.kontakt", 5)
    assert exchange("stockholm.kontakt").status_code == 200


# Codes


def fail_codes(exchange, device, wrong_code_for, clock, times: int):
    """Wrong codes, each after django-otp's wait (at most 16 s before the fifth) has passed."""
    response = None
    for _ in range(times):
        response = exchange("nacka.admin", otp=wrong_code_for(device))
        assert response.json().get("code") != "otp_wait"
        clock.shift(20)
    return response


def test_the_next_code_must_wait_after_a_wrong_one(
    exchange, with_password, device_for, code_for, wrong_code_for, problem, clock
):
    with_password("nacka.admin")
    device = device_for("nacka.admin")
    exchange("nacka.admin", otp=wrong_code_for(device))
    response = exchange("nacka.admin", otp=code_for(device))
    body = problem(response, 429)
    assert body["code"] == "otp_wait"
    assert body["detail"] == "För många felaktiga koder i rad. Vänta 1 sekund och försök igen."
    assert response["Retry-After"] == "1"
    clock.shift(1)
    assert exchange("nacka.admin", otp=code_for(device)).status_code == 200


def test_five_wrong_codes_lock_the_account(
    exchange, with_password, device_for, wrong_code_for, problem, clock
):
    with_password("nacka.admin")
    device = device_for("nacka.admin")
    response = fail_codes(exchange, device, wrong_code_for, clock, 5)
    assert problem(response, 429)["code"] == "locked_out"


def test_after_five_wrong_codes_even_the_right_password_and_code_are_refused(
    exchange, with_password, device_for, code_for, wrong_code_for, problem, clock
):
    with_password("nacka.admin")
    device = device_for("nacka.admin")
    fail_codes(exchange, device, wrong_code_for, clock, 5)
    problem(exchange("nacka.admin", otp=code_for(device)), 429)
    clock.shift(16 * 60)
    assert exchange("nacka.admin", otp=code_for(device)).status_code == 200


def test_wrong_codes_through_the_api_and_on_the_page_count_together(
    exchange, with_password, device_for, wrong_code_for, clock
):
    with_password("nacka.admin")
    device = device_for("nacka.admin")
    fail_codes(exchange, device, wrong_code_for, clock, 3)
    browser = Client()
    browser.post(PAGE, {"username": "nacka.admin", "password": "Stark-krisledning-2024"})
    response = None
    for _ in range(2):
        response = browser.post(VERIFY, {"code": wrong_code_for(device)})
        clock.shift(20)
    assert response.status_code == 429
    assert "Kontot är låst" in response.content.decode()


def test_guesses_spread_over_many_addresses_lock_the_account_for_the_api_too(
    api, with_password, problem
):
    with_password("nacka.kontakt")
    for number in range(20):  # one guess from each of 20 addresses
        api.post(
            "/api/v1/auth/token/",
            {"username": "nacka.kontakt", "password": "fel-losenord-123"},
            format="json",
            REMOTE_ADDR=f"198.51.100.{number + 1}",
        )
    response = api.post(
        "/api/v1/auth/token/",
        {"username": "nacka.kontakt", "password": PASSWORD},
        format="json",
        REMOTE_ADDR="203.0.113.7",
    )
    assert problem(response, 429)["code"] == "locked_out"
    assert not AuthToken.objects.exists()
