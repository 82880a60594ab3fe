"""The activation API: forums, activation requests (file, list, decide), activations (create,
list, detail with the board's figures) and their recipients with delivery and answer state.
Bad input gets a 400 problem document and changes nothing."""

import pytest
from callout_helpers import SENT, mark
from rest_framework.test import APIClient

from samlad.activation import services
from samlad.activation.models import Activation, ActivationRequest, Recipient
from samlad.notify.models import Delivery


def is_problem(response, status: int) -> bool:
    """A JSON problem document (RFC 9457) with this status. The media type is the project's
    exception handler's (application/problem+json once the API branch's fix is merged)."""
    body = response.json()
    return (
        response.status_code == status
        and response["Content-Type"].split(";")[0]
        in {"application/problem+json", "application/json"}
        and body["status"] == status
        and bool(body["title"])
    )


@pytest.fixture
def api(user):
    """api("tib") -> an API client authenticated as that demo user."""

    def make(username: str) -> APIClient:
        client = APIClient()
        client.force_authenticate(user(username))
        return client

    return make


def test_forums_are_listed_with_members_and_requirements(api):
    response = api("nacka.kontakt").get("/api/v1/forums/")
    assert response.status_code == 200
    forums = {f["slug"]: f for f in response.json()["results"]}
    coordinating = forums["regionalt-samordnande-forum"]
    assert coordinating["answer_within_minutes"] == 15
    assert coordinating["level"] == "coordinating" and coordinating["mode"] == "activated"
    assert {"function_kind": "contact", "actor": None} in coordinating["members"]
    one = api("nacka.kontakt").get(f"/api/v1/forums/{coordinating['id']}/")
    assert one.json()["name"] == "Regionalt samordnande forum"


def test_a_contact_function_files_a_request_and_tib_declines_it(api, forum):
    filed = api("nacka.kontakt").post(
        "/api/v1/activation-requests/",
        {"reason": "Vattenläcka", "suggested_forum": str(forum().public_id), "urgency": "today"},
        format="json",
    )
    assert filed.status_code == 201, filed.json()
    request_id = filed.json()["id"]
    assert filed.json()["status"] == "pending"
    assert filed.json()["requesting_actor"]["slug"] == "nacka"
    assert Delivery.objects.filter(recipient_user__username="tib").count() == 2
    assert request_id in {
        r["id"] for r in api("tib").get("/api/v1/activation-requests/").json()["results"]
    }
    assert api("polisen.kontakt").get("/api/v1/activation-requests/").json()["count"] == 0

    declined = api("tib").post(
        f"/api/v1/activation-requests/{request_id}/decide/",
        {"decision": "decline", "reason": "Hanteras av Nacka Vatten"},
        format="json",
    )
    assert declined.status_code == 200
    seen = api("nacka.kontakt").get(f"/api/v1/activation-requests/{request_id}/").json()
    assert seen["status"] == "declined"
    assert seen["decline_reason"] == "Hanteras av Nacka Vatten"


def test_tib_activates_a_request_through_the_api(api, user, forum):
    asked = services.file_request(by=user("nacka.kontakt"), reason="Storm", suggested_forum=forum())
    response = api("tib").post(
        f"/api/v1/activation-requests/{asked.public_id}/decide/",
        {"decision": "activate", "is_exercise": True},
        format="json",
    )
    assert response.status_code == 201
    activation = Activation.objects.get(public_id=response.json()["id"])
    assert activation.request == asked and activation.is_exercise
    assert response.json()["code"] == activation.code


def test_tib_activates_and_reads_the_board(api, forum):
    created = api("tib").post(
        "/api/v1/activations/",
        {"forum": str(forum().public_id), "reason": "Skyfall", "bridge_pin": "9999"},
        format="json",
    )
    assert created.status_code == 201, created.json()
    activation = Activation.objects.get(public_id=created.json()["id"])
    assert activation.bridge_pin == "9999"
    mark(activation, SENT)
    nacka = Recipient.objects.get(activation=activation, user__username="nacka.kontakt")
    services.answer_by_sms(recipient=nacka, answer="attending")
    detail = api("polisen.kontakt").get(f"/api/v1/activations/{activation.public_id}/").json()
    assert detail["figures"]["actors"] == 37
    assert detail["figures"]["reached"] == 37
    assert detail["figures"]["attending"] == 1
    assert detail["overdue"] is False
    listed = api("polisen.kontakt").get("/api/v1/activations/?status=open").json()
    assert listed["results"][0]["id"] == str(activation.public_id)


def test_recipients_carry_delivery_and_answer_state(api, activate):
    activation = activate()
    mark(activation, SENT, channel="email")
    nacka = Recipient.objects.get(activation=activation, user__username="nacka.kontakt")
    services.answer_by_sms(recipient=nacka, answer="later", minutes=10)
    url = f"/api/v1/activations/{activation.public_id}/recipients/?limit=500"
    rows = {r["id"]: r for r in api("tib").get(url).json()["results"]}
    row = rows[str(nacka.public_id)]
    assert row["actor"]["slug"] == "nacka"
    assert row["answer"] == "later" and row["eta"]
    assert row["reached"] is True
    assert {(d["channel"], d["status"]) for d in row["deliveries"]} == {
        ("email", "sent"),
        ("sms", "pending"),
    }
    assert row["email"] == nacka.email and row["phone"] == nacka.phone
    assert row["name"]


def test_recipients_hide_contact_details_from_other_actors(api, activate):
    activation = activate()
    url = f"/api/v1/activations/{activation.public_id}/recipients/?limit=500"
    for row in api("polisen.kontakt").get(url).json()["results"]:
        assert row["email"] is None and row["phone"] is None and row["name"] is None


def test_bad_input_gets_a_problem_document_and_changes_nothing(api, forum):
    cases = [
        ("nacka.kontakt", "/api/v1/activation-requests/", {"reason": "", "urgency": "soon"}),
        ("nacka.kontakt", "/api/v1/activation-requests/", {"reason": "x", "event": "nope"}),
        ("tib", "/api/v1/activations/", {"forum": "not-a-forum"}),
        ("tib", "/api/v1/activations/", {"forum": str(forum().public_id), "bridge_pin": "12ab"}),
        (
            "tib",
            "/api/v1/activations/",
            {"forum": str(forum().public_id), "meeting_at": "2001-01-01T10:00:00Z"},
        ),
    ]
    for username, url, body in cases:
        response = api(username).post(url, body, format="json")
        assert is_problem(response, 400), (url, body, response.content)
        assert response.json()["errors"]
    assert Activation.objects.count() == 0
    assert ActivationRequest.objects.count() == 0
    assert Delivery.objects.count() == 0


def test_deciding_needs_a_known_decision_and_a_reason_to_decline(api, user, forum):
    asked = services.file_request(by=user("nacka.kontakt"), reason="Storm", suggested_forum=forum())
    url = f"/api/v1/activation-requests/{asked.public_id}/decide/"
    assert api("tib").post(url, {"decision": "maybe"}, format="json").status_code == 400
    response = api("tib").post(url, {"decision": "decline", "reason": " "}, format="json")
    assert is_problem(response, 400)
    assert ActivationRequest.objects.get(pk=asked.pk).status == "pending"


def test_only_tib_activates_or_decides(api, user, forum):
    asked = services.file_request(by=user("nacka.kontakt"), reason="Storm", suggested_forum=forum())
    response = api("nacka.kontakt").post(
        "/api/v1/activations/", {"forum": str(forum().public_id)}, format="json"
    )
    assert is_problem(response, 403)
    response = api("rsib").post(
        f"/api/v1/activation-requests/{asked.public_id}/decide/",
        {"decision": "activate"},
        format="json",
    )
    assert response.status_code == 403
    assert Activation.objects.count() == 0


def test_unknown_or_unseen_records_are_not_found(api, user):
    asked = services.file_request(by=user("nacka.kontakt"), reason="Storm")
    missing = "00000000-0000-0000-0000-000000000000"
    assert api("tib").get(f"/api/v1/activations/{missing}/").status_code == 404
    assert (
        api("polisen.kontakt").get(f"/api/v1/activation-requests/{asked.public_id}/").status_code
        == 404
    )


def test_signed_out_callers_are_refused(forum):
    response = APIClient().get("/api/v1/activations/")
    assert is_problem(response, 401) or is_problem(response, 403)


def test_the_openapi_schema_documents_the_activation_api(api):
    schema = api("tib").get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    for path in (
        "/api/v1/forums/",
        "/api/v1/activation-requests/",
        "/api/v1/activation-requests/{id}/decide/",
        "/api/v1/activations/",
        "/api/v1/activations/{id}/",
        "/api/v1/activations/{id}/recipients/",
    ):
        assert path in paths, path
    assert "post" in paths["/api/v1/activations/"]
