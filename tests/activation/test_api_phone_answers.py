"""Issue 12 item 9: TiB registers an answer given by phone through the activation API, with who
registered it; it is in the OpenAPI schema. Others cannot."""

import uuid

import pytest
import yaml
from rest_framework.test import APIClient

from samlad.activation.models import Participant, Recipient
from samlad.core.models import LogEntry


@pytest.fixture
def api(user):
    def make(username: str) -> APIClient:
        client = APIClient()
        client.force_authenticate(user(username))
        return client

    return make


def answer_url(activation, recipient) -> str:
    return f"/api/v1/activations/{activation.public_id}/recipients/{recipient.public_id}/answer/"


def police(activation) -> Recipient:
    return Recipient.objects.get(activation=activation, user__username="polisen.kontakt")


def test_tib_registers_an_answer_given_by_phone_through_the_api(api, activate):
    activation = activate()
    recipient = police(activation)

    response = api("tib").post(
        answer_url(activation, recipient), {"answer": "later", "minutes": 20}, format="json"
    )

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["answer"] == "later" and body["answered_via"] == "board"
    assert body["answered_by"]["username"] == "tib"
    assert body["eta"] and body["actor"]["slug"] == "polisen"
    recipient.refresh_from_db()
    assert recipient.answered_by.username == "tib"
    assert Participant.objects.get(pk=recipient.participant_id).answered_at is not None
    rows = api("tib").get(f"/api/v1/activations/{activation.public_id}/recipients/?page_size=500")
    seen = next(r for r in rows.json()["results"] if r["id"] == str(recipient.public_id))
    assert seen["answer"] == "later" and seen["answered_by"]["username"] == "tib"
    assert LogEntry.objects.filter(action="activation.answered", user__username="tib").exists()


def test_only_tib_registers_answers_for_others(api, activate):
    activation = activate()
    recipient = police(activation)

    refused = api("polisen.kontakt").post(
        answer_url(activation, recipient), {"answer": "attending"}, format="json"
    )

    assert refused.status_code == 403
    recipient.refresh_from_db()
    assert recipient.answer == ""


@pytest.mark.parametrize(
    ("payload", "field"),
    [({"answer": "kanske"}, "answer"), ({"answer": "later"}, "minutes")],
)
def test_a_bad_phone_answer_is_a_400_problem(api, activate, payload, field):
    activation = activate()
    response = api("tib").post(answer_url(activation, police(activation)), payload, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_an_unknown_recipient_is_not_found(api, activate):
    activation = activate()
    url = f"/api/v1/activations/{activation.public_id}/recipients/{uuid.uuid4()}/answer/"
    response = api("tib").post(url, {"answer": "attending"}, format="json")
    assert response.status_code == 404


def test_the_phone_answer_is_in_the_openapi_schema(client):
    schema = yaml.safe_load(client.get("/api/schema/").content)
    operation = schema["paths"]["/api/v1/activations/{id}/recipients/{recipient_id}/answer/"]
    assert "post" in operation and "403" in operation["post"]["responses"]
