"""/api/v1/events/: list with filters, register, read, change, close and reopen; bad input is a
400 problem document that says what was wrong, and nothing is written."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from samlad.core.models import LogEntry
from samlad.events import services
from samlad.events.models import Event

EVENTS = "/api/v1/events/"


def titles(response) -> list[str]:
    return [event["title"] for event in response.json()["results"]]


@pytest.fixture
def planned_exercise(user, event_type):
    """A large planned event six months ahead, run as an exercise (Example 3 of the model)."""
    return services.create_event(
        by=user("polisen.kontakt"),
        title="Nobelfesten övning",
        event_type=event_type("stor-planerad-handelse"),
        is_exercise=True,
        starts_at=timezone.now() + timedelta(days=180),
    )


def test_the_list_shows_the_events_a_user_may_see_with_their_details(
    api_for, snowstorm, restricted_event
):
    response = api_for("nacka.kontakt").get(EVENTS)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1 and titles(response) == ["Snöoväder Stockholms län"]
    event = body["results"][0]
    assert event["id"] == str(snowstorm.public_id)
    assert event["type"]["slug"] == "svart-vader" and event["mode"] == "activated"
    assert event["lead_actor"]["slug"] == "lansstyrelsen"
    assert {a["slug"] for a in event["affected_actors"]} == {"nacka", "varmdo"}
    assert event["owner_actor"]["slug"] == "lansstyrelsen"
    assert event["marking"] == "" and event["status"] == "open"
    assert "Hot mot kritisk infrastruktur" in titles(api_for("sosalarm.kontakt").get(EVENTS))


def test_the_list_filters_by_status_mode_exercise_type_and_words(
    api_for, snowstorm, planned_exercise, user
):
    client = api_for("tib")
    assert titles(client.get(EVENTS, {"mode": "activated"})) == [snowstorm.title]
    assert titles(client.get(EVENTS, {"exercise": "true"})) == [planned_exercise.title]
    assert snowstorm.title in titles(client.get(EVENTS, {"exercise": "false"}))
    assert titles(client.get(EVENTS, {"type": "stor-planerad-handelse"})) == [
        planned_exercise.title
    ]
    assert titles(client.get(EVENTS, {"q": "snöfall SMHI"})) == [snowstorm.title]
    services.close_event(by=user("tib"), event=snowstorm)
    assert snowstorm.title not in titles(client.get(EVENTS, {"status": "open"}))
    assert titles(client.get(EVENTS, {"status": "closed"})) == [snowstorm.title]


def test_an_exercise_is_marked_as_one(api_for, planned_exercise):
    event = api_for("nacka.kontakt").get(f"{EVENTS}{planned_exercise.public_id}/").json()
    assert event["is_exercise"] is True and event["marking"] == "ÖVNING"


def test_the_list_is_paginated(api_for, snowstorm, planned_exercise):
    body = api_for("tib").get(EVENTS, {"limit": 1}).json()
    assert body["count"] == 2 and len(body["results"]) == 1 and "offset=1" in body["next"]


def test_a_bad_filter_is_a_400_problem(api_for, snowstorm):
    response = api_for("tib").get(EVENTS, {"status": "pågående", "mode": "x"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400 and set(body["errors"]) == {"status", "mode"}


def test_a_contact_function_registers_a_planned_restricted_event(api_for, actor):
    starts = (timezone.now() + timedelta(days=180)).replace(microsecond=0)
    response = api_for("nacka.kontakt").post(
        EVENTS,
        {
            "title": "Stockholm Marathon",
            "type": "stor-planerad-handelse",
            "starts_at": starts.isoformat(),
            "place": "Nacka strand",
            "area": {"type": "Point", "coordinates": [18.16, 59.31]},
            "affected_actors": [str(actor("varmdo").public_id)],
            "classification": "restricted",
            "shared_with": [str(actor("lansstyrelsen").public_id)],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["owner_actor"]["slug"] == "nacka"
    assert body["area"] == {"type": "Point", "coordinates": [18.16, 59.31]}
    assert {a["slug"] for a in body["shared_with"]} == {"lansstyrelsen", "varmdo"}
    event = Event.objects.get(public_id=body["id"])
    assert event.starts_at == starts and event.classification == "restricted"
    assert LogEntry.objects.filter(action="event.created", target_id=body["id"]).exists()
    # Restricted: Värmdö (affected) sees it, Danderyd does not.
    assert api_for("varmdo.kontakt").get(f"{EVENTS}{body['id']}/").status_code == 200
    assert api_for("danderyd.kontakt").get(f"{EVENTS}{body['id']}/").status_code == 404


@pytest.mark.parametrize(
    ("payload", "fields"),
    [
        ({}, {"title", "type"}),
        ({"title": "   ", "type": "svart-vader"}, {"title"}),
        ({"title": "X", "type": "finns-inte"}, {"type"}),
        ({"title": "X", "type": "svart-vader", "mode": "krig"}, {"mode"}),
        ({"title": "X", "type": "svart-vader", "area": {"type": "Circle"}}, {"area"}),
        ({"title": "X", "type": "svart-vader", "area": "Slussen"}, {"area"}),
        ({"title": "X", "type": "svart-vader", "lead_actor": "nacka"}, {"lead_actor"}),
        (
            {"title": "X", "type": "svart-vader", "shared_with": [str(uuid.uuid4())]},
            {"shared_with"},
        ),
        ({"title": "X", "type": "svart-vader", "starts_at": "i morgon"}, {"starts_at"}),
        (
            {
                "title": "X",
                "type": "svart-vader",
                "starts_at": "2026-02-01T10:00:00+01:00",
                "ends_at": "2026-01-01T10:00:00+01:00",
            },
            {"ends_at"},
        ),
        (
            {"title": "X", "type": "svart-vader", "classification": "confidential"},
            {"osl_reference"},
        ),
    ],
)
def test_bad_input_is_a_400_problem_naming_the_fields_and_nothing_is_written(
    api_for, payload, fields
):
    before = Event.objects.count()
    response = api_for("nacka.kontakt").post(EVENTS, payload, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert set(response.json()["errors"]) == fields
    assert Event.objects.count() == before


def test_a_body_that_is_not_json_is_a_400_problem(api_for):
    response = api_for("nacka.kontakt").post(EVENTS, "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "detail" in response.json()


def test_the_registering_actor_changes_the_event_and_the_log_keeps_what_it_was(api_for, snowstorm):
    url = f"{EVENTS}{snowstorm.public_id}/"
    response = api_for("tib").patch(url, {"title": "Snöstorm", "mode": "ordinary"}, format="json")
    assert response.status_code == 200
    assert response.json()["title"] == "Snöstorm" and response.json()["mode"] == "ordinary"
    change = LogEntry.objects.get(action="event.updated", target_id=str(snowstorm.public_id))
    assert change.before == {"title": "Snöoväder Stockholms län", "mode": "activated"}


def test_others_who_see_the_event_may_not_change_or_close_it(api_for, snowstorm):
    client = api_for("nacka.kontakt")
    url = f"{EVENTS}{snowstorm.public_id}/"
    response = client.patch(url, {"title": "Kapad"}, format="json")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert client.post(f"{url}close/").status_code == 403
    assert client.get(url).json()["title"] == "Snöoväder Stockholms län"


def test_closing_and_reopening(api_for, snowstorm):
    client = api_for("tib")
    url = f"{EVENTS}{snowstorm.public_id}/"
    closed = client.post(f"{url}close/")
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert closed.json()["ends_at"] is not None
    again = client.post(f"{url}close/")
    assert again.status_code == 400 and again["Content-Type"] == "application/problem+json"
    assert client.post(f"{url}reopen/").json()["status"] == "open"


def test_an_event_the_user_may_not_see_is_not_found_like_one_that_does_not_exist(
    api_for, restricted_event
):
    client = api_for("nacka.kontakt")
    hidden = client.get(f"{EVENTS}{restricted_event.public_id}/")
    missing = client.get(f"{EVENTS}{uuid.uuid4()}/")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()
    assert hidden["Content-Type"] == "application/problem+json"
    for path in ["close/", "reopen/", "log/", "reports/", "pictures/", "pictures/1/"]:
        url = f"{EVENTS}{restricted_event.public_id}/{path}"
        response = client.post(url) if path in ("close/", "reopen/") else client.get(url)
        assert response.status_code == 404, path
    assert (
        client.patch(
            f"{EVENTS}{restricted_event.public_id}/", {"title": "X"}, format="json"
        ).status_code
        == 404
    )


@pytest.mark.parametrize(
    "path", ["inte-ett-id/", "inte-ett-id/log/", "x/pictures/y/", "x/pictures/draft/z/"]
)
def test_malformed_ids_and_unknown_addresses_are_404_problems(api_for, path):
    response = api_for("nacka.kontakt").get(f"{EVENTS}{path}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_without_signing_in_nothing_is_shown(client, snowstorm):
    response = client.get(EVENTS)
    assert response.status_code in (401, 403)
    assert response["Content-Type"] == "application/problem+json"
    assert snowstorm.title not in response.content.decode()
    assert client.get(f"{EVENTS}{snowstorm.public_id}/").status_code in (401, 403)


def test_a_signed_in_browser_gets_json_from_every_events_resource(client_for, snowstorm, user):
    services.add_log_entry(by=user("tib"), event=snowstorm, kind="information", text="Hej")
    client = client_for("tib")
    base = f"{EVENTS}{snowstorm.public_id}/"
    urls = [
        EVENTS,
        base,
        f"{base}log/",
        f"{base}reports/",
        f"{base}pictures/",
        f"{base}pictures/draft/",
        "/api/v1/event-types/",
        "/api/v1/search/?q=hej",
    ]
    for url in urls:
        response = client.get(url, headers={"Accept": "text/html"})
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("application/json"), url
