"""GET /api/v1/actors/ and /api/v1/actors/{id}/: the actor directory through the API, with the
contact points the access policy lets the reader see, exactly as on the directory page.
Polisen's RLC number is restricted to Länsstyrelsen and SOS Alarm; Försvarsmakten's protected
number is confidential, shared with Länsstyrelsen (samlad.actors.demo)."""

import uuid

import pytest

from samlad.actors.models import ContactPoint
from samlad.core.models import ConfidentialRead


@pytest.fixture
def police_rlc(actor) -> ContactPoint:
    return ContactPoint.objects.get(owner_actor=actor("polisen"), label__startswith="RLC")


@pytest.fixture
def forces_protected(actor) -> ContactPoint:
    return ContactPoint.objects.get(
        owner_actor=actor("forsvarsmakten"), label__startswith="Vakthavande"
    )


@pytest.fixture
def numbers_seen(api_for, actor):
    """numbers_seen("nacka.kontakt", "polisen") -> the contact values that user gets for it."""

    def read(username: str, slug: str) -> set[str]:
        response = api_for(username).get(f"/api/v1/actors/{actor(slug).public_id}/")
        assert response.status_code == 200
        return {point["value"] for point in response.json()["contact_points"]}

    return read


def test_the_directory_lists_every_actor_in_swedish_order(api_for):
    body = api_for("nacka.kontakt").get("/api/v1/actors/").json()
    assert body["count"] == 37
    names = [a["name"] for a in body["results"]]
    assert names.index("Nacka kommun") < names.index("Österåkers kommun")
    assert names[-1].startswith("Ö")


def test_the_directory_filters_by_kind_and_search(api_for):
    client = api_for("nacka.kontakt")
    assert client.get("/api/v1/actors/?kind=municipality").json()["count"] == 26
    body = client.get("/api/v1/actors/?q=nack").json()
    assert [a["slug"] for a in body["results"]] == ["nacka"]
    assert client.get("/api/v1/actors/?q=värmdö").json()["results"][0]["slug"] == "varmdo"


def test_an_unknown_kind_is_a_field_error(api_for, problem):
    body = problem(api_for("nacka.kontakt").get("/api/v1/actors/?kind=pirates"), 400)
    assert list(body["errors"]) == ["kind"]


def test_the_directory_pages(api_for):
    body = api_for("nacka.kontakt").get("/api/v1/actors/?limit=10&offset=30").json()
    assert body["count"] == 37
    assert len(body["results"]) == 7
    assert body["previous"]


def test_reading_the_directory_takes_a_constant_number_of_queries(
    api_for, django_assert_max_num_queries
):
    client = api_for("tib")
    with django_assert_max_num_queries(12):
        assert client.get("/api/v1/actors/").status_code == 200


def test_without_credentials_the_directory_is_refused(api, problem):
    assert problem(api.get("/api/v1/actors/"), 401)["code"] == "not_authenticated"


def test_an_actor_shows_its_functions_and_who_staffs_them_in_call_out_order(api_for, actor, user):
    body = api_for("nacka.kontakt").get(f"/api/v1/actors/{actor('lansstyrelsen').public_id}/")
    functions = {f["kind"]: f for f in body.json()["functions"]}
    assert body.json()["functions"][0]["kind"] == "contact"
    tib = user("tib")
    staff = functions["tib"]["staff"]
    assert staff[0] == {
        "position": 1,
        "name": str(tib),
        "title": "Tjänsteman i beredskap",
        "phone": tib.phone.as_e164,
    }
    assert functions["tib"]["label"] == "Tjänsteman i beredskap (TiB)"
    assert [s["name"] for s in functions["contact"]["staff"]] == [
        str(tib),
        str(user("lansstyrelsen.kontakt")),
    ]


def test_the_247_number_comes_first_in_e164(api_for, actor):
    body = api_for("nacka.kontakt").get(f"/api/v1/actors/{actor('polisen').public_id}/").json()
    first = body["contact_points"][0]
    assert first["function"] == "contact"
    assert first["channel"] == "phone"
    assert first["value"] == "+46846500402"
    assert first["classification"] == "open"


def test_contact_function_of_nacka_does_not_see_the_polices_restricted_rlc_number(
    numbers_seen, police_rlc
):
    assert police_rlc.value not in numbers_seen("nacka.kontakt", "polisen")


@pytest.mark.parametrize("username", ["sosalarm.kontakt", "tib", "rkk", "polisen.kontakt"])
def test_the_actors_the_rlc_number_is_shared_with_see_it(numbers_seen, police_rlc, username):
    assert police_rlc.value in numbers_seen(username, "polisen")


def test_the_restricted_number_is_marked_restricted(api_for, actor, police_rlc):
    body = api_for("sosalarm.kontakt").get(f"/api/v1/actors/{actor('polisen').public_id}/")
    [point] = [p for p in body.json()["contact_points"] if p["value"] == police_rlc.value]
    assert point["classification"] == "restricted"


def test_tib_with_the_confidential_permission_sees_the_armed_forces_protected_number(
    api_for, actor, forces_protected
):
    body = api_for("tib").get(f"/api/v1/actors/{actor('forsvarsmakten').public_id}/").json()
    [point] = [p for p in body["contact_points"] if p["value"] == forces_protected.value]
    assert point["classification"] == "confidential"
    assert point["osl_reference"] == "OSL 15 kap. 2 §"


@pytest.mark.parametrize(
    "username",
    ["rkk", "nacka.kontakt", "sosalarm.kontakt", "forsvarsmakten.kontakt", "kansli"],
)
def test_without_the_confidential_permission_and_the_sharing_the_protected_number_is_hidden(
    numbers_seen, forces_protected, username
):
    assert forces_protected.value not in numbers_seen(username, "forsvarsmakten")


def test_the_list_hides_what_the_actor_page_hides(api_for, forces_protected, police_rlc):
    body = api_for("nacka.kontakt").get("/api/v1/actors/").json()
    values = {p["value"] for a in body["results"] for p in a["contact_points"]}
    assert forces_protected.value not in values
    assert police_rlc.value not in values


def test_reading_a_confidential_number_through_the_api_is_logged(
    api_for, actor, user, forces_protected
):
    api_for("tib").get(f"/api/v1/actors/{actor('forsvarsmakten').public_id}/")
    read = ConfidentialRead.objects.get(user=user("tib"))
    assert read.target_id == str(forces_protected.public_id)
    assert read.via == "api"


def test_reading_the_list_logs_the_confidential_numbers_in_it(api_for, user, forces_protected):
    api_for("tib").get("/api/v1/actors/")
    assert ConfidentialRead.objects.filter(
        user=user("tib"), target_id=str(forces_protected.public_id), via="api"
    ).exists()


def test_reading_only_open_and_restricted_numbers_logs_nothing(api_for, actor):
    api_for("sosalarm.kontakt").get(f"/api/v1/actors/{actor('polisen').public_id}/")
    assert not ConfidentialRead.objects.exists()


def test_an_unknown_actor_is_not_found(api_for, problem):
    problem(api_for("nacka.kontakt").get(f"/api/v1/actors/{uuid.uuid4()}/"), 404)


def test_an_address_that_is_no_id_is_not_found_as_a_problem_document(api_for, problem):
    problem(api_for("nacka.kontakt").get("/api/v1/actors/not-an-id/"), 404)


def test_an_inactive_actor_is_found_only_by_platform_administrators(api_for, actor, user, problem):
    from samlad.actors import services

    nacka = actor("nacka")
    services.set_actor_active(by=user("kansli"), actor=nacka, active=False)
    problem(api_for("stockholm.kontakt").get(f"/api/v1/actors/{nacka.public_id}/"), 404)
    body = api_for("kansli").get(f"/api/v1/actors/{nacka.public_id}/").json()
    assert body["is_active"] is False
