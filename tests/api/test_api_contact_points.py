"""/api/v1/actors/{id}/contact-points/: an actor's numbers and addresses, kept by its own
permission administrators through the API. Nacka's cannot list, read or change the Police's;
the platform administrator can, within what the access policy lets it see."""

import uuid

import pytest

from samlad.actors.models import ContactPoint
from samlad.core.models import LogEntry


@pytest.fixture
def points_url(actor):
    return lambda slug: f"/api/v1/actors/{actor(slug).public_id}/contact-points/"


@pytest.fixture
def police_247(actor) -> ContactPoint:
    return ContactPoint.objects.get(
        owner_actor=actor("polisen"), function__kind="contact", channel="phone"
    )


def values(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {p["value"] for p in response.json()["results"]}


# The boundary


def test_nackas_permission_administrator_lists_nackas_contact_points(api_for, points_url, actor):
    nackas = set(
        ContactPoint.objects.filter(owner_actor=actor("nacka")).values_list("value", flat=True)
    )
    assert len(nackas) == 2
    assert values(api_for("nacka.admin").get(points_url("nacka"))) == nackas


def test_nackas_permission_administrator_cannot_touch_the_polices_contact_points(
    api_for, points_url, police_247, problem
):
    client = api_for("nacka.admin")
    url = points_url("polisen")
    one = f"{url}{police_247.public_id}/"
    problem(client.get(url), 403)
    problem(client.get(one), 403)
    problem(client.patch(one, {"value": "08-123 456 78"}, format="json"), 403)
    problem(client.delete(one), 403)
    problem(client.post(url, {"channel": "phone", "value": "08-123 456 78"}, format="json"), 403)
    police_247.refresh_from_db()
    assert police_247.value == "+46846500402"
    assert ContactPoint.objects.filter(owner_actor=police_247.owner_actor).count() == 3


def test_a_contact_function_cannot_keep_its_own_actors_contact_points(api_for, points_url, problem):
    problem(api_for("nacka.kontakt").get(points_url("nacka")), 403)


def test_another_actors_contact_point_is_not_found_under_the_own_actor(
    api_for, points_url, police_247, problem
):
    problem(api_for("nacka.admin").get(f"{points_url('nacka')}{police_247.public_id}/"), 404)


def test_the_polices_permission_administrator_sees_all_its_contact_points(api_for, points_url):
    assert len(values(api_for("polisen.admin").get(points_url("polisen")))) == 3


def test_the_platform_administrator_keeps_what_the_access_policy_lets_it_see(api_for, points_url):
    client = api_for("kansli")
    # The RLC number is shared with Länsstyrelsen, kansli's actor.
    assert len(values(client.get(points_url("polisen")))) == 3
    # The protected number is confidential; kansli lacks the confidential permission.
    protected = ContactPoint.objects.get(classification="confidential")
    assert protected.value not in values(client.get(points_url("forsvarsmakten")))


def test_shared_with_is_shown_to_the_keeper(api_for, points_url, actor):
    body = api_for("polisen.admin").get(points_url("polisen")).json()
    [rlc] = [p for p in body["results"] if p["classification"] == "restricted"]
    assert {a["slug"] for a in rlc["shared_with"]} == {"lansstyrelsen", "sosalarm"}


# Adding, changing and removing


def test_adding_a_phone_number_stores_it_in_e164(api_for, points_url, actor):
    response = api_for("nacka.admin").post(
        points_url("nacka"),
        {"function": "contact", "channel": "phone", "value": "08-123 456 78", "label": "Reserv"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["value"] == "+46812345678"
    point = ContactPoint.objects.get(public_id=response.json()["public_id"])
    assert point.owner_actor == actor("nacka")
    assert point.function.kind == "contact"
    assert LogEntry.objects.filter(action="contact_point.created").exists()


def test_an_invalid_phone_number_is_a_field_error(api_for, points_url, problem):
    response = api_for("nacka.admin").post(
        points_url("nacka"), {"channel": "phone", "value": "12345"}, format="json"
    )
    body = problem(response, 400)
    assert body["errors"] == {"value": ["”12345” är inte ett giltigt telefonnummer."]}


def test_an_invalid_email_address_is_a_field_error(api_for, points_url, problem):
    response = api_for("nacka.admin").post(
        points_url("nacka"), {"channel": "email", "value": "jour@"}, format="json"
    )
    assert list(problem(response, 400)["errors"]) == ["value"]


def test_a_function_of_another_actor_kind_is_a_field_error(api_for, points_url, problem):
    response = api_for("nacka.admin").post(
        points_url("nacka"),
        {"function": "tib", "channel": "phone", "value": "08-123 456 78"},
        format="json",
    )
    assert list(problem(response, 400)["errors"]) == ["function"]


def test_a_confidential_number_needs_the_secrecy_provision(api_for, user, points_url, problem):
    admin = user("nacka.admin")
    admin.can_read_confidential = True
    admin.save(update_fields=["can_read_confidential"])
    response = api_for("nacka.admin").post(
        points_url("nacka"),
        {"channel": "phone", "value": "08-123 456 78", "classification": "confidential"},
        format="json",
    )
    assert list(problem(response, 400)["errors"]) == ["osl_reference"]


def test_only_keepers_who_may_read_confidential_information_mark_it_confidential(
    api_for, points_url, problem
):
    response = api_for("nacka.admin").post(
        points_url("nacka"),
        {
            "channel": "phone",
            "value": "08-123 456 78",
            "classification": "confidential",
            "osl_reference": "OSL 18 kap. 13 §",
        },
        format="json",
    )
    assert list(problem(response, 400)["errors"]) == ["classification"]


def test_a_restricted_number_is_shared_with_named_actors(api_for, points_url, actor):
    response = api_for("nacka.admin").post(
        points_url("nacka"),
        {
            "channel": "phone",
            "value": "08-123 456 78",
            "classification": "restricted",
            "shared_with": [str(actor("lansstyrelsen").public_id)],
        },
        format="json",
    )
    assert response.status_code == 201
    seen_by_tib = api_for("tib").get(f"/api/v1/actors/{actor('nacka').public_id}/").json()
    seen_by_police = api_for("polisen.kontakt").get(f"/api/v1/actors/{actor('nacka').public_id}/")
    assert "+46812345678" in {p["value"] for p in seen_by_tib["contact_points"]}
    assert "+46812345678" not in {p["value"] for p in seen_by_police.json()["contact_points"]}


@pytest.mark.parametrize("shared_with", [["not-an-id"], [str(uuid.uuid4())], "lansstyrelsen"])
def test_sharing_with_an_unknown_actor_is_a_field_error(api_for, points_url, problem, shared_with):
    response = api_for("nacka.admin").post(
        points_url("nacka"),
        {
            "channel": "phone",
            "value": "08-123 456 78",
            "classification": "restricted",
            "shared_with": shared_with,
        },
        format="json",
    )
    assert list(problem(response, 400)["errors"]) == ["shared_with"]


def test_changing_a_number(api_for, points_url, actor):
    point = ContactPoint.objects.get(owner_actor=actor("nacka"), channel="phone")
    old = point.value
    response = api_for("nacka.admin").patch(
        f"{points_url('nacka')}{point.public_id}/", {"value": "+46 8 123 456 78"}, format="json"
    )
    assert response.status_code == 200
    point.refresh_from_db()
    assert point.value == "+46812345678"
    entry = LogEntry.objects.get(action="contact_point.updated")
    assert entry.before == {"value": old}


def test_removing_a_number(api_for, points_url, actor):
    point = ContactPoint.objects.get(owner_actor=actor("nacka"), channel="phone")
    response = api_for("nacka.admin").delete(f"{points_url('nacka')}{point.public_id}/")
    assert response.status_code == 204
    assert not ContactPoint.objects.filter(pk=point.pk).exists()
    assert LogEntry.objects.filter(action="contact_point.removed").exists()


def test_the_platform_administrator_changes_the_polices_number(api_for, points_url, police_247):
    response = api_for("kansli").patch(
        f"{points_url('polisen')}{police_247.public_id}/", {"label": "Ny etikett"}, format="json"
    )
    assert response.status_code == 200
    police_247.refresh_from_db()
    assert police_247.label == "Ny etikett"
