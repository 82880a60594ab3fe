"""POST /api/v1/auth/token/: a user name and password, and a code where two-factor
authentication is on or required, become a token; the token works until it is ended, expires,
or its account or actor is deactivated."""

from datetime import timedelta

from django.utils import timezone
from knox.models import AuthToken

from samlad.actors import services as actor_services

TOKEN_URL = "/api/v1/auth/token/"


def test_a_contact_function_gets_a_token_that_works(exchange, me, api, with_password):
    with_password("nacka.kontakt")
    response = exchange("nacka.kontakt")
    assert response.status_code == 200
    body = response.json()
    assert me(body["token"]).json()["username"] == "nacka.kontakt"


def test_the_token_expires_after_thirty_days(exchange, api, with_password):
    with_password("nacka.kontakt")
    body = exchange("nacka.kontakt").json()
    expiry = AuthToken.objects.get(user__username="nacka.kontakt").expiry
    assert timedelta(days=29, hours=23) < expiry - timezone.now() <= timedelta(days=30)
    assert body["expiry"].startswith(timezone.localtime(expiry).date().isoformat())


def test_an_expired_token_no_longer_works(exchange, me, api, with_password, clock):
    with_password("nacka.kontakt")
    token = exchange("nacka.kontakt").json()["token"]
    clock.shift(timedelta(days=30, seconds=1))
    assert me(token).status_code == 401


def test_user_names_are_case_insensitive(exchange, api, with_password):
    with_password("nacka.kontakt")
    assert exchange(" Nacka.Kontakt").status_code == 200


def test_a_wrong_password_is_refused_with_a_problem_document(exchange, api, with_password, problem):
    with_password("nacka.kontakt")
    body = problem(exchange("nacka.kontakt", "fel-losenord-123"), 401)
    assert body["code"] == "wrong_credentials"
    assert body["detail"] == "Användarnamnet eller lösenordet är inte rätt."
    assert not AuthToken.objects.exists()


def test_an_unknown_user_is_refused_like_a_wrong_password(exchange, api, problem):
    body = problem(exchange("ingen.alls"), 401)
    assert body["code"] == "wrong_credentials"


def test_the_refusal_says_how_to_authenticate(exchange, api):
    assert exchange("ingen.alls")["WWW-Authenticate"] == "Token"


def test_errors_are_in_english_for_english_clients(api, problem):
    response = api.post(
        TOKEN_URL,
        {"username": "ingen.alls", "password": "x"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert problem(response, 401)["detail"] == "The user name or password is not right."


def test_the_demo_password_is_refused_outside_demo_mode(exchange, api, problem):
    assert problem(exchange("nacka.kontakt", "samlad-demo"), 401)["code"] == ("wrong_credentials")


def test_the_demo_password_works_in_demo_mode(exchange, api, settings):
    settings.DEMO_MODE = True
    assert exchange("nacka.kontakt", "samlad-demo").status_code == 200


def test_an_inactive_account_gets_no_token(exchange, api, with_password, problem):
    account = with_password("nacka.kontakt")
    account.is_active = False
    account.save(update_fields=["is_active"])
    problem(exchange("nacka.kontakt"), 401)


def test_an_account_of_an_inactive_actor_gets_no_token(
    exchange, api, with_password, actor, user, problem
):
    with_password("nacka.kontakt")
    actor_services.set_actor_active(by=user("kansli"), actor=actor("nacka"), active=False)
    problem(exchange("nacka.kontakt"), 401)


def test_a_token_stops_working_when_its_actor_is_deactivated(
    exchange, me, api, with_password, actor, user, problem
):
    with_password("nacka.kontakt")
    token = exchange("nacka.kontakt").json()["token"]
    actor_services.set_actor_active(by=user("kansli"), actor=actor("nacka"), active=False)
    problem(me(token), 401)


# Two-factor authentication


def test_an_administrator_without_an_authenticator_app_must_set_one_up_first(
    exchange, api, with_password, problem
):
    with_password("nacka.admin")
    body = problem(exchange("nacka.admin"), 403)
    assert body["code"] == "two_factor_setup_required"
    assert "Mitt konto" in body["detail"]
    assert not AuthToken.objects.exists()


def test_an_administrator_must_give_a_code(exchange, api, with_password, device_for, problem):
    with_password("nacka.admin")
    device_for("nacka.admin")
    body = problem(exchange("nacka.admin"), 401)
    assert body["code"] == "otp_required"
    assert not AuthToken.objects.exists()


def test_an_administrator_with_the_right_code_gets_a_token(
    exchange, me, api, with_password, device_for, code_for, clock
):
    with_password("nacka.admin")
    device = device_for("nacka.admin")
    response = exchange("nacka.admin", otp=code_for(device))
    assert response.status_code == 200
    assert me(response.json()["token"]).json()["two_factor"] == {
        "enabled": True,
        "required": True,
    }


def test_a_code_may_be_typed_with_spaces(exchange, api, with_password, device_for, code_for, clock):
    with_password("nacka.admin")
    code = code_for(device_for("nacka.admin"))
    assert exchange("nacka.admin", otp=f"{code[:3]} {code[3:]}").status_code == 200


def test_a_wrong_code_is_refused_and_says_how_many_tries_are_left(
    exchange, api, with_password, device_for, wrong_code_for, problem, clock
):
    with_password("nacka.admin")
    device = device_for("nacka.admin")
    body = problem(exchange("nacka.admin", otp=wrong_code_for(device)), 401)
    assert body["code"] == "otp_wrong"
    assert body["detail"] == ("Koden stämmer inte. Efter 4 felaktiga koder till låses kontot.")
    assert not AuthToken.objects.exists()


def test_a_code_that_is_not_six_digits_or_a_backup_code_is_a_field_error(
    exchange, api, with_password, device_for, problem, clock
):
    with_password("nacka.admin")
    device_for("nacka.admin")
    body = problem(exchange("nacka.admin", otp="12ab"), 400)
    assert list(body["errors"]) == ["otp"]


def test_a_backup_code_works_once(
    exchange, api, with_password, device_for, backup_codes_for, problem, clock
):
    with_password("nacka.admin")
    device_for("nacka.admin")
    [code] = backup_codes_for("nacka.admin", "abcd2345")
    assert exchange("nacka.admin", otp="ABCD-2345").status_code == 200
    clock.shift(30)
    assert problem(exchange("nacka.admin", otp=code), 401)["code"] == "otp_wrong"


def test_a_user_who_turned_two_factor_on_must_give_a_code_too(
    exchange, api, with_password, device_for, code_for, problem, clock
):
    with_password("nacka.kontakt")
    device = device_for("nacka.kontakt")
    assert problem(exchange("nacka.kontakt"), 401)["code"] == "otp_required"
    assert exchange("nacka.kontakt", otp=code_for(device)).status_code == 200


def test_in_demo_mode_administrators_need_no_code(exchange, api, with_password, settings):
    settings.REQUIRE_ADMIN_TWO_FACTOR = False
    with_password("nacka.admin")
    assert exchange("nacka.admin").status_code == 200


def test_an_old_token_of_a_new_administrator_stops_working_until_two_factor_is_set_up(
    exchange, me, api, with_password, user, problem
):
    with_password("nacka.kontakt")
    token = exchange("nacka.kontakt").json()["token"]
    kontakt = user("nacka.kontakt")
    kontakt.is_superuser = True
    kontakt.save(update_fields=["is_superuser"])
    assert problem(me(token), 401)["code"] == "two_factor_setup_required"


# Ending tokens


def test_logout_ends_only_the_token_it_was_sent_with(exchange, me, api, with_password, problem):
    with_password("nacka.kontakt")
    first = exchange("nacka.kontakt").json()["token"]
    second = exchange("nacka.kontakt").json()["token"]
    response = api.post("/api/v1/auth/logout/", HTTP_AUTHORIZATION=f"Token {first}")
    assert response.status_code == 204
    problem(me(first), 401)
    assert me(second).status_code == 200


def test_logout_all_ends_every_token_of_the_account(exchange, me, api, with_password, problem):
    with_password("nacka.kontakt")
    first = exchange("nacka.kontakt").json()["token"]
    second = exchange("nacka.kontakt").json()["token"]
    response = api.post("/api/v1/auth/logout-all/", HTTP_AUTHORIZATION=f"Token {first}")
    assert response.status_code == 204
    problem(me(first), 401)
    problem(me(second), 401)


def test_logout_without_a_token_is_refused(api, problem):
    problem(api.post("/api/v1/auth/logout/"), 401)


def test_there_is_a_limit_on_tokens_in_use(exchange, api, with_password, user, problem):
    account = with_password("nacka.kontakt")
    for _ in range(20):
        AuthToken.objects.create(user=account)
    body = problem(exchange("nacka.kontakt"), 403)
    assert body["code"] == "too_many_tokens"
