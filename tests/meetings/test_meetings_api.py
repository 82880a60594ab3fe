"""/api/v1/meetings/ and /api/v1/action-items/: the same rules as the pages, errors as problem
JSON, and every endpoint in the OpenAPI schema."""

import pytest
from django.urls import reverse
from meeting_helpers import COORDINATION_GROUP, item_titled
from rest_framework.test import APIClient

from samlad.meetings import services

PROBLEM = "application/problem+json"


def problem(answer, status: int) -> dict:
    """The answer as a problem document (RFC 9457) with this status."""
    assert answer.status_code == status, answer.content
    body = answer.json()
    assert body["status"] == status and body["title"]
    return body


@pytest.fixture
def api(user):
    def signed_in(username):
        client = APIClient()
        client.force_authenticate(user(username))
        return client

    return signed_in


def path(name, *args):
    return reverse(name, args=args)


def test_meetings_are_listed_as_the_reader_may_see_them(api, plan, restricted_event):
    restricted = plan(COORDINATION_GROUP, event=restricted_event)
    nacka = {row["id"] for row in api("nacka.kontakt").get("/api/v1/meetings/").json()["results"]}
    police = {
        row["id"]
        for row in api("polisen.kontakt").get("/api/v1/meetings/?limit=500").json()["results"]
    }
    assert str(restricted.public_id) in nacka
    assert str(restricted.public_id) not in police
    assert api("polisen.kontakt").get(path("api-meeting", restricted.public_id)).status_code == 404


def test_planning_through_the_api(api, forum, soon):
    answer = api("rsib").post(
        "/api/v1/meetings/",
        {
            "forum": str(forum(COORDINATION_GROUP).public_id),
            "starts_at": soon(hours=30).isoformat(),
        },
        format="json",
    )
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert body["forum"]["slug"] == COORDINATION_GROUP and body["status"] == "planned"
    agenda = api("rsib").get(path("api-meeting-agenda", body["id"])).json()
    assert [item["title"] for item in agenda][
        : len(forum(COORDINATION_GROUP).standing_agenda)
    ] == forum(COORDINATION_GROUP).standing_agenda


def test_bad_input_is_a_problem_document_field_by_field(api, forum):
    answer = api("rsib").post(
        "/api/v1/meetings/",
        {"forum": "nonsense", "starts_at": "tomorrow", "bridge_pin": "x" * 20},
        format="json",
    )
    assert {"forum", "starts_at", "bridge_pin"} <= set(problem(answer, 400)["errors"])
    refused = api("rsib").post(
        "/api/v1/meetings/",
        {
            "forum": str(forum(COORDINATION_GROUP).public_id),
            "starts_at": "2030-01-01T10:00:00Z",
            "bridge_pin": "12ab",
        },
        format="json",
    )
    assert "bridge_pin" in problem(refused, 400)["errors"]
    assert api("nacka.kontakt").post("/api/v1/meetings/", {}, format="json").status_code in (
        400,
        403,
    )


def test_writing_notes_with_the_revision_and_a_conflict_is_409(api, activated_meeting, user):
    item = item_titled(activated_meeting, "Samlad lägesbild")
    address = path("api-meeting-agenda-item", activated_meeting.public_id, item.public_id)
    saved = api("tib").patch(address, {"notes": "Snöfall 20 cm.", "revision": 0}, format="json")
    assert saved.status_code == 200 and saved.json()["revision"] == 1
    clash = api("rsib").patch(address, {"notes": "Snöfall 30 cm.", "revision": 0}, format="json")
    assert clash.status_code == 409 and clash["Content-Type"] == PROBLEM
    assert clash.json()["current"] == {"notes": "Snöfall 20 cm.", "revision": 1}
    assert (
        api("nacka.kontakt")
        .patch(address, {"notes": "x", "revision": 1}, format="json")
        .status_code
        == 403
    )


def test_rsib_edits_the_agenda_through_the_api(api, activated_meeting):
    address = path("api-meeting-agenda", activated_meeting.public_id)
    added = api("rsib").post(address, {"title": "Aktörsanalys", "position": 2}, format="json")
    assert added.status_code == 201 and added.json()["number"] == 2
    order = [item["id"] for item in api("rsib").get(address).json()]
    reordered = api("rsib").put(address, {"order": list(reversed(order))}, format="json")
    assert reordered.status_code == 200 and reordered.json()[0]["title"] == "Nästa möte"
    removed = api("rsib").delete(
        path("api-meeting-agenda-item", activated_meeting.public_id, added.json()["id"])
    )
    assert removed.status_code == 204
    assert api("rsib").put(address, {"order": order[:2]}, format="json").status_code == 400


def test_attendance_through_the_api(api, activated_meeting, actor):
    address = path("api-meeting-attendance", activated_meeting.public_id)
    added = api("tib").post(
        address,
        {
            "actor": str(actor("nacka").public_id),
            "function_kind": "contact",
            "presence": "expected",
        },
        format="json",
    )
    assert added.status_code == 201
    row = added.json()["id"]
    changed = api("tib").patch(
        path("api-meeting-attendance-row", activated_meeting.public_id, row),
        {"presence": "present"},
        format="json",
    )
    assert changed.json()["presence"] == "present"
    assert api("nacka.kontakt").get(address).json()[0]["actor"]["slug"] == "nacka"
    bad = api("tib").post(address, {"actor": "nacka", "presence": "sleeping"}, format="json")
    assert {"actor", "presence"} <= set(problem(bad, 400)["errors"])


def test_approving_through_the_api_locks_a_version(api, activated_meeting):
    minutes = api("rsib").get(path("api-meeting-minutes", activated_meeting.public_id)).json()
    assert minutes["state"] == "writing" and minutes["versions"] == []
    stale = api("rsib").post(
        path("api-meeting-minutes", activated_meeting.public_id),
        {"revision": minutes["revision"] + 5},
        format="json",
    )
    assert stale.status_code == 409
    approved = api("rsib").post(
        path("api-meeting-minutes", activated_meeting.public_id),
        {"revision": minutes["revision"]},
        format="json",
    )
    assert approved.status_code == 201 and approved.json()["number"] == 1
    version = api("nacka.kontakt").get(
        path("api-meeting-minutes-version", activated_meeting.public_id, 1)
    )
    assert (
        version.status_code == 200
        and version.json()["content"]["forum"] == "Regionalt samordnande forum"
    )
    item = item_titled(activated_meeting, "Upprop")
    locked = api("tib").patch(
        path("api-meeting-agenda-item", activated_meeting.public_id, item.public_id),
        {"notes": "Sent tillägg.", "revision": 0},
        format="json",
    )
    problem(locked, 400)
    item.refresh_from_db()
    assert item.notes == ""


def test_action_items_through_the_api(api, plan, restricted_event, actor):
    meeting = plan(COORDINATION_GROUP, event=restricted_event)
    created = api("rsib").post(
        "/api/v1/action-items/",
        {
            "meeting": str(meeting.public_id),
            "actor": str(actor("nacka").public_id),
            "text": "Provtagning.",
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    item_id = created.json()["id"]
    mine = api("nacka.kontakt").get("/api/v1/action-items/?mine=true&open=true").json()["results"]
    assert item_id in {row["id"] for row in mine}
    assert api("polisen.kontakt").get(path("api-action-item", item_id)).status_code == 404
    followed = api("nacka.kontakt").patch(
        path("api-action-item", item_id), {"status": "done", "note": "Klart."}, format="json"
    )
    assert followed.status_code == 200 and followed.json()["status"] == "done"
    assert followed.json()["updates"][0]["status_after"] == "done"
    refused = api("nacka.kontakt").patch(
        path("api-action-item", item_id), {"status": "in_progress"}, format="json"
    )
    assert "status" in problem(refused, 400)["errors"]
    outsider = api("polisen.kontakt").post(
        "/api/v1/action-items/",
        {"meeting": str(meeting.public_id), "actor": str(actor("polisen").public_id), "text": "x"},
        format="json",
    )
    assert outsider.status_code == 404


def test_unknown_addresses_and_strangers_get_problem_documents(api):
    problem(api("rsib").get("/api/v1/meetings/not-a-uuid/agenda/"), 404)
    problem(api("rsib").get("/api/v1/meetings/x/y/z/"), 404)
    assert APIClient().get("/api/v1/meetings/").status_code in (401, 403)


def test_the_endpoints_are_in_the_openapi_schema(client_for):
    schema = client_for("rsib").get(
        "/api/schema/", headers={"Accept": "application/vnd.oai.openapi+json"}
    )
    text = schema.content.decode()
    for endpoint in [
        "/api/v1/meetings/",
        "/api/v1/meetings/{meeting_id}/agenda/",
        "/api/v1/meetings/{meeting_id}/minutes/",
        "/api/v1/meetings/{meeting_id}/attendance/",
        "/api/v1/action-items/",
    ]:
        assert endpoint in text, endpoint


def test_an_outsider_cannot_reach_a_restricted_meetings_agenda_minutes_or_attendance(
    api, plan, restricted_event, user
):
    meeting = plan(COORDINATION_GROUP, event=restricted_event)
    services.approve_minutes(by=user("rsib"), meeting=meeting, revision=meeting.minutes_revision)
    police = api("polisen.kontakt")
    for name in ["api-meeting-agenda", "api-meeting-minutes", "api-meeting-attendance"]:
        assert police.get(path(name, meeting.public_id)).status_code == 404
    assert police.get(path("api-meeting-minutes-version", meeting.public_id, 1)).status_code == 404
