"""Replies by SMS arrive through the providers' webhooks, are handed to the registered handlers,
and the handler's answer goes back as the reply; forged requests change nothing."""

import base64

import pytest
from django.test import Client, override_settings

from samlad.notify import inbound, outbox
from samlad.notify.inbound.webhooks import twilio_signature
from samlad.notify.models import DeliveryStatus

ELKS_URL = "/api/v1/notify/sms/46elks/"
TWILIO_URL = "/api/v1/notify/sms/twilio/"
TOKEN = "twilio-token"
SECRETS = {"ELKS46_INBOUND_SECRET": "hemligt-46", "TWILIO_AUTH_TOKEN": TOKEN}


@pytest.fixture
def answers():
    """A handler like activation's: takes replies that start with JA or NEJ."""
    received = []

    def handler(message: inbound.InboundSms):
        if not message.text.strip().upper().startswith(("JA", "NEJ")):
            return None
        received.append(message)
        return "Tack, ditt svar är registrerat."

    inbound.register(handler)
    with override_settings(**SECRETS):
        yield received
    inbound.HANDLERS.remove(handler)


def _twilio_post(client, form, *, url=TWILIO_URL, token=TOKEN, path=None):
    signature = twilio_signature(
        f"http://testserver{url}", {k: [v] for k, v in form.items()}, token
    )
    return client.post(path or url, form, HTTP_X_TWILIO_SIGNATURE=signature)


@pytest.mark.django_db
def test_a_46elks_reply_reaches_the_handler_and_its_answer_is_the_reply_sms(client, answers):
    form = {"from": "+46701740605", "to": "+46766860000", "message": "JA 15 min", "id": "s1"}
    response = client.post(f"{ELKS_URL}?secret=hemligt-46", form)
    assert response.status_code == 200
    assert response.content.decode() == "Tack, ditt svar är registrerat."
    (message,) = answers
    assert (message.sender, message.text, message.provider) == (
        "+46701740605",
        "JA 15 min",
        "46elks",
    )
    assert message.provider_message_id == "s1"


@pytest.mark.django_db
def test_46elks_may_prove_itself_with_basic_auth(client, answers):
    credentials = base64.b64encode(b"elks:hemligt-46").decode()
    form = {"from": "0701740605", "to": "+46766860000", "message": "NEJ", "id": "s2"}
    response = client.post(ELKS_URL, form, HTTP_AUTHORIZATION=f"Basic {credentials}")
    assert response.status_code == 200
    assert answers[0].sender == "+46701740605"  # a national number becomes E.164


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?secret=fel"])
def test_a_46elks_reply_without_the_secret_is_refused_and_reaches_no_handler(
    client, answers, query
):
    form = {"from": "+46701740605", "to": "+46766860000", "message": "JA", "id": "s3"}
    response = client.post(f"{ELKS_URL}{query}", form)
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert answers == []


@pytest.mark.django_db
def test_a_reply_no_handler_takes_gets_no_answer(client, answers):
    form = {"from": "+46701740605", "to": "+46766860000", "message": "Vem är detta?", "id": "s4"}
    response = client.post(f"{ELKS_URL}?secret=hemligt-46", form)
    assert (response.status_code, response.content) == (200, b"")


@pytest.mark.django_db
def test_a_46elks_reply_missing_its_fields_is_a_clear_400(client, answers):
    response = client.post(f"{ELKS_URL}?secret=hemligt-46", {"to": "+46766860000"})
    assert response.status_code == 400
    assert "from" in response.json()["detail"]


@pytest.mark.django_db
def test_a_signed_twilio_reply_is_answered_with_twiml(client, answers):
    form = {"From": "+46701740605", "To": "+46766860000", "Body": "JA", "MessageSid": "SM1"}
    response = _twilio_post(client, form)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    assert response.content.decode() == (
        '<?xml version="1.0" encoding="UTF-8"?>'
        "<Response><Message>Tack, ditt svar är registrerat.</Message></Response>"
    )
    assert answers[0].provider == "twilio"


@pytest.mark.django_db
@pytest.mark.parametrize("forgery", ["wrong token", "changed body", "no signature"])
def test_a_twilio_request_with_a_forged_signature_is_refused_and_changes_nothing(
    client, answers, forgery
):
    form = {"From": "+46701740605", "To": "+46766860000", "Body": "JA", "MessageSid": "SM2"}
    if forgery == "wrong token":
        response = _twilio_post(client, form, token="not-the-token")
    elif forgery == "changed body":
        signature = twilio_signature(
            f"http://testserver{TWILIO_URL}", {k: [v] for k, v in form.items()}, TOKEN
        )
        response = client.post(
            TWILIO_URL, {**form, "Body": "NEJ"}, HTTP_X_TWILIO_SIGNATURE=signature
        )
    else:
        response = client.post(TWILIO_URL, form)
    assert response.status_code == 403
    assert answers == []


@pytest.mark.django_db
def test_delivery_reports_update_the_delivery(client, answers):
    delivery = outbox.enqueue(key="r", channel="sms", address="+46701740605", topic="t", body="x")
    delivery.provider, delivery.provider_message_id = "46elks", "s99"
    delivery.status = DeliveryStatus.SENT
    delivery.save()
    report = {"id": "s99", "status": "delivered", "delivered": "2026-11-23T10:00:00Z"}
    response = client.post(f"{ELKS_URL}status/?secret=hemligt-46", report)
    assert response.status_code == 204
    delivery.refresh_from_db()
    assert delivery.provider_status == "delivered"
    assert delivery.provider_status_at.isoformat() == "2026-11-23T10:00:00+00:00"


@pytest.mark.django_db
def test_a_twilio_status_callback_is_signed_too(client, answers):
    delivery = outbox.enqueue(key="r", channel="sms", address="+46701740605", topic="t", body="x")
    delivery.provider, delivery.provider_message_id = "twilio", "SM77"
    delivery.save()
    form = {"MessageSid": "SM77", "MessageStatus": "undelivered"}
    forged = client.post(f"{TWILIO_URL}status/", form, HTTP_X_TWILIO_SIGNATURE="Zm9yZ2Vk")
    assert forged.status_code == 403
    response = _twilio_post(client, form, url=f"{TWILIO_URL}status/")
    assert response.status_code == 204
    delivery.refresh_from_db()
    assert delivery.provider_status == "undelivered"


def test_nothing_gets_in_while_no_secret_is_configured(db):
    client = Client()
    with override_settings(ELKS46_INBOUND_SECRET="", TWILIO_AUTH_TOKEN=""):
        elks = client.post(f"{ELKS_URL}?secret=", {"from": "+4670", "message": "JA"})
        twilio = client.post(
            TWILIO_URL, {"From": "+4670", "Body": "JA"}, HTTP_X_TWILIO_SIGNATURE="x"
        )
    assert (elks.status_code, twilio.status_code) == (403, 403)
