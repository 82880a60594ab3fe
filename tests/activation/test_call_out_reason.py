"""Issue 12 item 1: the call-out always says why. TiB's decision without a reason keeps the
request's; a direct activation needs one; e-mail and SMS carry it; the event's title goes only
to recipients the access policy lets see the event."""

import pytest
from rest_framework.test import APIClient

from samlad.activation import services
from samlad.activation.models import Activation
from samlad.events import services as event_services
from samlad.events.models import EventType
from samlad.notify.models import Delivery

WHY = "Skyfall: SMHI varnar för 80 mm regn på sex timmar."


@pytest.fixture
def api(user):
    def make(username: str) -> APIClient:
        client = APIClient()
        client.force_authenticate(user(username))
        return client

    return make


def call_out_to(activation, username: str, channel: str) -> str:
    return Delivery.objects.get(
        topic=activation.topic, recipient_user__username=username, channel=channel
    ).body


def test_tib_activating_a_request_through_the_api_calls_out_with_the_requests_reason(api, forum):
    filed = api("nacka.kontakt").post(
        "/api/v1/activation-requests/",
        {"reason": WHY, "suggested_forum": str(forum().public_id), "urgency": "immediate"},
        format="json",
    )
    assert filed.status_code == 201, filed.json()

    decided = api("tib").post(
        f"/api/v1/activation-requests/{filed.json()['id']}/decide/",
        {"decision": "activate"},
        format="json",
    )

    assert decided.status_code == 201, decided.json()
    assert decided.json()["reason"] == WHY
    activation = Activation.objects.get(public_id=decided.json()["id"])
    assert f"Anledning: {WHY}" in call_out_to(activation, "polisen.kontakt", "email")
    assert f"Anledning: {WHY}" in call_out_to(activation, "polisen.kontakt", "sms")


def test_tib_activating_a_request_on_the_page_with_the_reason_cleared_keeps_the_requests_reason(
    client_for, user, forum
):
    asked = services.file_request(by=user("nacka.kontakt"), reason=WHY, suggested_forum=forum())

    response = client_for("tib").post(
        f"/aktivering/begaran/{asked.public_id}/aktivera/", {"forum": forum().public_id}
    )

    assert response.status_code == 302
    activation = Activation.objects.get(request=asked)
    assert activation.reason == WHY
    assert WHY in call_out_to(activation, "varmdo.kontakt", "sms")


def test_tib_cannot_activate_a_forum_without_saying_why(api, client_for, forum):
    refused = api("tib").post(
        "/api/v1/activations/", {"forum": str(forum().public_id)}, format="json"
    )
    assert refused.status_code == 400
    assert "reason" in str(refused.json())
    page = client_for("tib").post("/aktivering/ny/", {"forum": forum().public_id})
    assert page.status_code == 400
    assert "Ange varför forumet aktiveras" in page.content.decode()
    assert not Activation.objects.exists() and not Delivery.objects.exists()


def _event(user, actor, *, classification, shared_with=()):
    secret = {"osl_reference": "OSL 18 kap. 1 §"} if classification == "confidential" else {}
    return event_services.create_event(
        by=user("tib"),
        title="Hot mot vattenverk i Norsborg",
        event_type=EventType.objects.get(slug="allvarlig-vald"),
        classification=classification,
        shared_with=list(shared_with),
        **secret,
    )


def test_the_call_out_names_a_restricted_event_only_to_the_actors_it_is_shared_with(
    activate, user, actor
):
    event = _event(user, actor, classification="restricted", shared_with=[actor("polisen")])

    activation = activate(event=event)

    title = "Händelse: Hot mot vattenverk i Norsborg"
    for channel in ("email", "sms"):
        assert title in call_out_to(activation, "polisen.kontakt", channel)
        assert title not in call_out_to(activation, "nacka.kontakt", channel)
    nacka = call_out_to(activation, "nacka.kontakt", "email")
    assert "Anledning: Snöoväder" in nacka
    leaked = Delivery.objects.filter(topic=activation.topic, body__contains="Norsborg")
    assert {d.recipient_user.actor.slug for d in leaked if d.recipient_user} <= {
        "lansstyrelsen",
        "polisen",
    }
    for delivery in leaked.filter(recipient_user=None):
        assert delivery.recipient_actor.slug in {"lansstyrelsen", "polisen"}


def test_the_call_out_names_a_confidential_event_only_to_holders_of_the_confidential_permission(
    activate, user, actor
):
    event = _event(user, actor, classification="confidential", shared_with=[actor("polisen")])

    activation = activate(event=event)

    title = "Händelse: Hot mot vattenverk i Norsborg"
    assert title in call_out_to(activation, "tib", "email")
    assert title not in call_out_to(activation, "polisen.kontakt", "email")
    assert title not in call_out_to(activation, "polisen.kontakt", "sms")
    leaked = Delivery.objects.filter(topic=activation.topic, body__contains="Norsborg")
    assert leaked.exists()
    assert all(d.recipient_user and d.recipient_user.can_read_confidential for d in leaked)
