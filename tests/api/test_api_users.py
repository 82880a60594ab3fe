"""/api/v1/users/: delegated administration through the API. Nacka's permission administrator
sees and manages only Nacka's accounts and assigns only Nacka's functions; another actor's
account is not found, as if it did not exist. The platform administrator manages everyone's."""

import uuid

import pytest

from samlad.accounts.models import User
from samlad.core.models import LogEntry


def usernames(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {u["username"] for u in response.json()["results"]}


def new_user(**fields) -> dict:
    return {"username": "nacka.ny", "first_name": "Nina", "last_name": "Ny", **fields}


# The boundary


def test_nackas_permission_administrator_lists_only_nackas_accounts(api_for):
    assert usernames(api_for("nacka.admin").get("/api/v1/users/")) == {
        "nacka.admin",
        "nacka.kontakt",
    }


def test_a_permission_administrator_does_not_see_the_platform_administrators_of_its_actor(
    api_for, user
):
    """Länsstyrelsen's permission administrator: the coordination office's account (a platform
    administrator at Länsstyrelsen) is neither listed nor found."""
    client = api_for("lansstyrelsen.admin")
    listed = usernames(client.get("/api/v1/users/"))
    assert "lansstyrelsen.admin" in listed
    assert "kansli" not in listed
    assert client.get(f"/api/v1/users/{user('kansli').public_id}/").status_code == 404
    assert "kansli" in usernames(api_for("kansli").get("/api/v1/users/?page_size=500"))


def test_asking_for_another_actors_accounts_gives_an_empty_list(api_for, actor):
    response = api_for("nacka.admin").get(f"/api/v1/users/?actor={actor('polisen').public_id}")
    assert usernames(response) == set()


def test_another_actors_account_is_not_found(api_for, user, problem):
    police = user("polisen.kontakt")
    client = api_for("nacka.admin")
    problem(client.get(f"/api/v1/users/{police.public_id}/"), 404)
    problem(
        client.patch(f"/api/v1/users/{police.public_id}/", {"title": "Hackad"}, format="json"), 404
    )
    problem(client.post(f"/api/v1/users/{police.public_id}/deactivate/"), 404)
    police.refresh_from_db()
    assert police.title == "Kontaktfunktion"
    assert police.is_active


def test_another_actors_account_looks_like_one_that_does_not_exist(api_for, user):
    client = api_for("nacka.admin")
    theirs = client.get(f"/api/v1/users/{user('polisen.kontakt').public_id}/").json()
    nobodys = client.get(f"/api/v1/users/{uuid.uuid4()}/").json()
    assert theirs == nobodys


def test_nackas_permission_administrator_cannot_create_accounts_for_the_police(
    api_for, actor, problem
):
    response = api_for("nacka.admin").post(
        "/api/v1/users/", new_user(actor=str(actor("polisen").public_id)), format="json"
    )
    problem(response, 403)
    assert not User.objects.filter(username="nacka.ny").exists()


def test_a_contact_function_administers_no_accounts(api_for, user, problem):
    client = api_for("nacka.kontakt")
    problem(client.get("/api/v1/users/"), 403)
    problem(client.get(f"/api/v1/users/{user('nacka.admin').public_id}/"), 403)
    problem(client.post("/api/v1/users/", new_user(), format="json"), 403)


def test_the_platform_administrator_lists_every_account(api_for):
    body = api_for("kansli").get("/api/v1/users/?limit=1").json()
    assert body["count"] == User.objects.count()


def test_the_platform_administrator_changes_the_polices_accounts(api_for, user):
    police = user("polisen.kontakt")
    response = api_for("kansli").patch(
        f"/api/v1/users/{police.public_id}/", {"title": "Vakthavande"}, format="json"
    )
    assert response.status_code == 200
    police.refresh_from_db()
    assert police.title == "Vakthavande"


def test_a_permission_administrator_cannot_change_a_platform_administrator_of_its_actor(
    api_for, user, problem
):
    kansli = user("kansli")
    response = api_for("lansstyrelsen.admin").patch(
        f"/api/v1/users/{kansli.public_id}/", {"title": "Hackad"}, format="json"
    )
    # 404, not 403: the account is not among those it may see (issue 11, finding 8).
    problem(response, 404)


# Creating and changing accounts


def test_creating_an_account_in_the_own_actor_with_a_function(api_for, actor):
    response = api_for("nacka.admin").post(
        "/api/v1/users/",
        new_user(email="Nina.Ny@Nacka.se", phone="070-123 45 67", functions=["communicator"]),
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["actor"]["slug"] == "nacka"
    assert body["functions"] == ["communicator"]
    assert body["phone"] == "+46701234567"
    created = User.objects.get(username="nacka.ny")
    assert created.actor == actor("nacka")
    assert created.email == "nina.ny@nacka.se"
    assert not created.has_usable_password()
    assert LogEntry.objects.filter(action="user.created", target_id=str(created.public_id)).exists()


def test_the_platform_administrator_creates_accounts_for_any_actor(api_for, actor):
    response = api_for("kansli").post(
        "/api/v1/users/",
        new_user(username="polisen.ny", actor=str(actor("polisen").public_id)),
        format="json",
    )
    assert response.status_code == 201
    assert User.objects.get(username="polisen.ny").actor == actor("polisen")


@pytest.mark.parametrize("taken", ["nacka.kontakt", "Nacka.Kontakt"])
def test_a_taken_user_name_is_a_field_error(api_for, problem, taken):
    body = problem(
        api_for("nacka.admin").post("/api/v1/users/", new_user(username=taken), format="json"), 400
    )
    assert body["errors"] == {"username": ["Användarnamnet ”nacka.kontakt” är redan upptaget."]}


def test_a_user_name_with_spaces_is_a_field_error(api_for, problem):
    response = api_for("nacka.admin").post(
        "/api/v1/users/", new_user(username="nina ny"), format="json"
    )
    assert list(problem(response, 400)["errors"]) == ["username"]


def test_an_invalid_phone_number_is_a_field_error(api_for, problem):
    response = api_for("nacka.admin").post("/api/v1/users/", new_user(phone="12345"), format="json")
    body = problem(response, 400)
    assert list(body["errors"]) == ["phone"]
    assert "12345" in body["errors"]["phone"][0]
    assert not User.objects.filter(username="nacka.ny").exists()


def test_an_invalid_email_address_is_a_field_error(api_for, problem):
    response = api_for("nacka.admin").post("/api/v1/users/", new_user(email="nina@"), format="json")
    assert list(problem(response, 400)["errors"]) == ["email"]


def test_a_function_of_another_kind_of_actor_cannot_be_assigned(api_for, problem):
    response = api_for("nacka.admin").post(
        "/api/v1/users/", new_user(functions=["tib"]), format="json"
    )
    body = problem(response, 400)
    assert list(body["errors"]) == ["functions"]
    assert not User.objects.filter(username="nacka.ny").exists()


def test_an_unknown_function_is_a_field_error(api_for, problem):
    response = api_for("nacka.admin").post(
        "/api/v1/users/", new_user(functions=["boss"]), format="json"
    )
    assert list(problem(response, 400)["errors"]) == ["functions"]


def test_changing_functions_and_the_confidential_permission(api_for, user):
    kontakt = user("nacka.kontakt")
    response = api_for("nacka.admin").patch(
        f"/api/v1/users/{kontakt.public_id}/",
        {"functions": ["contact", "communicator"], "can_read_confidential": True},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["functions"] == ["communicator", "contact"]
    kontakt = User.objects.get(pk=kontakt.pk)
    assert kontakt.function_kinds == {"contact", "communicator"}
    assert kontakt.can_read_confidential


def test_the_user_name_cannot_be_changed(api_for, user, problem):
    kontakt = user("nacka.kontakt")
    response = api_for("nacka.admin").patch(
        f"/api/v1/users/{kontakt.public_id}/", {"username": "nacka.annan"}, format="json"
    )
    assert list(problem(response, 400)["errors"]) == ["username"]


def test_an_account_cannot_be_moved_to_another_actor(api_for, user, actor, problem):
    kontakt = user("nacka.kontakt")
    response = api_for("kansli").patch(
        f"/api/v1/users/{kontakt.public_id}/",
        {"actor": str(actor("polisen").public_id)},
        format="json",
    )
    assert list(problem(response, 400)["errors"]) == ["actor"]


# Deactivating


def test_a_deactivated_account_loses_its_tokens_and_can_be_reactivated(
    api_for, user, token_for, api, problem
):
    kontakt = user("nacka.kontakt")
    token = token_for("nacka.kontakt")
    admin = api_for("nacka.admin")
    response = admin.post(f"/api/v1/users/{kontakt.public_id}/deactivate/")
    assert response.status_code == 200
    assert response.json()["is_active"] is False
    problem(api.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {token}"), 401)
    assert "nacka.kontakt" in usernames(admin.get("/api/v1/users/?is_active=false"))
    assert admin.post(f"/api/v1/users/{kontakt.public_id}/activate/").json()["is_active"] is True


def test_an_administrator_cannot_deactivate_the_own_account(api_for, user, problem):
    own = user("nacka.admin")
    body = problem(api_for("nacka.admin").post(f"/api/v1/users/{own.public_id}/deactivate/"), 400)
    assert list(body["errors"]) == ["non_field_errors"]
