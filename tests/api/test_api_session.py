"""The browser's session works for the API too, with CSRF protection for changes, but not for
an administrator whose session has not passed two-factor authentication."""

from django.test import Client

from samlad.accounts.models import User


def signed_in_without_second_step(username: str) -> Client:
    client = Client()
    client.force_login(
        User.objects.get(username=username), backend="samlad.accounts.backends.SamladBackend"
    )
    return client


def test_a_signed_in_user_reads_the_api_with_the_session(client_for):
    response = client_for("nacka.kontakt").get("/api/v1/me/")
    assert response.status_code == 200
    assert response.json()["username"] == "nacka.kontakt"


def test_an_administrator_who_passed_the_second_step_reads_the_api(client_for):
    assert client_for("nacka.admin").get("/api/v1/users/").status_code == 200


def test_an_administrator_short_of_the_second_step_is_refused(db, problem):
    client = signed_in_without_second_step("nacka.admin")
    body = problem(client.get("/api/v1/users/"), 401)
    assert body["code"] == "two_factor_required"
    assert problem(client.get("/api/v1/me/"), 401)["code"] == "two_factor_required"


def test_in_demo_mode_administrators_need_no_second_step(db, settings):
    settings.REQUIRE_ADMIN_TWO_FACTOR = False
    client = signed_in_without_second_step("nacka.admin")
    assert client.get("/api/v1/users/").status_code == 200


def test_changes_with_the_session_need_the_csrf_token(user, client_for, problem):
    client = client_for("nacka.admin")
    client.handler.enforce_csrf_checks = True
    kontakt = user("nacka.kontakt")
    response = client.patch(
        f"/api/v1/users/{kontakt.public_id}/", {"title": "Ny"}, content_type="application/json"
    )
    problem(response, 403)
    kontakt.refresh_from_db()
    assert kontakt.title == "Kontaktfunktion"


BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_a_browser_gets_json_from_every_resource(client_for, actor, user):
    client = client_for("nacka.admin")
    nacka = actor("nacka")
    for url in [
        "/api/v1/me/",
        "/api/v1/actors/",
        f"/api/v1/actors/{nacka.public_id}/",
        f"/api/v1/actors/{nacka.public_id}/contact-points/",
        "/api/v1/users/",
        f"/api/v1/users/{user('nacka.kontakt').public_id}/",
    ]:
        response = client.get(url, HTTP_ACCEPT=BROWSER_ACCEPT)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "application/json", url
