"""/api/v1/event-types/: everyone reads the catalogue of type events; platform administrators
(samordningskansliet) add types, rename them and take them out of use."""

import pytest

from samlad.core.models import LogEntry
from samlad.events.models import EventType

TYPES = "/api/v1/event-types/"


def slugs(response) -> list[str]:
    return [t["slug"] for t in response.json()["results"]]


def test_everyone_reads_the_types_in_use(api_for):
    response = api_for("nacka.kontakt").get(TYPES)
    assert response.status_code == 200
    assert {"svart-vader", "elavbrott", "epidemi", "brand"} <= set(slugs(response))
    power_cut = next(t for t in response.json()["results"] if t["slug"] == "elavbrott")
    assert power_cut["name_sv"] == "Elavbrott" and power_cut["name_en"] == "Power cut"


def test_a_platform_administrator_adds_a_type_that_events_can_then_use(api_for):
    kansli = api_for("kansli")
    response = kansli.post(
        TYPES,
        {"slug": "solstorm", "name_sv": "Solstorm", "name_en": "Solar storm"},
        format="json",
    )
    assert response.status_code == 201 and response.json()["is_active"] is True
    assert LogEntry.objects.filter(action="event_type.created").exists()
    created = api_for("nacka.kontakt").post(
        "/api/v1/events/", {"title": "Norrsken och störningar", "type": "solstorm"}, format="json"
    )
    assert created.status_code == 201


def test_a_type_taken_out_of_use_is_kept_by_its_events_but_not_offered_for_new_ones(
    api_for, snowstorm
):
    storm = EventType.objects.get(slug="svart-vader")
    kansli = api_for("kansli")
    response = kansli.patch(
        f"{TYPES}{storm.public_id}/", {"is_active": False, "name_en": "Severe weather (old)"}
    )
    assert response.status_code == 200 and response.json()["is_active"] is False
    change = LogEntry.objects.get(action="event_type.updated", target_id=str(storm.public_id))
    assert change.before == {"name_en": "Severe weather", "is_active": True}
    contact = api_for("nacka.kontakt")
    assert "svart-vader" not in slugs(contact.get(TYPES, {"limit": 500}))
    assert "svart-vader" in slugs(kansli.get(TYPES, {"limit": 500}))
    event = contact.get(f"/api/v1/events/{snowstorm.public_id}/").json()
    assert event["type"]["slug"] == "svart-vader"
    refused = contact.post("/api/v1/events/", {"title": "Storm", "type": "svart-vader"})
    assert refused.status_code == 400 and "type" in refused.json()["errors"]


@pytest.mark.parametrize("username", ["nacka.kontakt", "tib", "nacka.admin"])
def test_only_platform_administrators_change_the_catalogue(api_for, username):
    client = api_for(username)
    response = client.post(TYPES, {"slug": "x", "name_sv": "X", "name_en": "X"})
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    fire = EventType.objects.get(slug="brand")
    assert client.patch(f"{TYPES}{fire.public_id}/", {"name_sv": "Eld"}).status_code == 403
    fire.refresh_from_db()
    assert fire.name_sv == "Brand" and not EventType.objects.filter(slug="x").exists()


@pytest.mark.parametrize(
    ("payload", "fields"),
    [
        ({}, {"slug", "name_sv", "name_en"}),
        ({"slug": "brand", "name_sv": "Brand 2", "name_en": "Fire 2"}, {"slug"}),
        ({"slug": "med mellanslag", "name_sv": "X", "name_en": "X"}, {"slug"}),
        ({"slug": "ok", "name_sv": "  ", "name_en": "X"}, {"name_sv"}),
    ],
)
def test_a_bad_type_is_a_400_problem(api_for, payload, fields):
    response = api_for("kansli").post(TYPES, payload, format="json")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == fields


def test_an_unknown_type_is_not_found(api_for):
    client = api_for("kansli")
    assert client.get(f"{TYPES}inte-ett-id/").status_code == 404
    assert client.patch(f"{TYPES}00000000-0000-0000-0000-000000000000/", {}).status_code == 404
