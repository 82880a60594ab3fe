"""SMS through real HTTP clients for 46elks and Twilio, against a local server speaking their
APIs: the right requests, every recipient reached when the provider fails 30% of requests, and
no second copy when an accepted message's answer was lost."""

import pytest
from django.test import override_settings
from provider_server import ProviderServer

from samlad.notify import outbox
from samlad.notify.models import Delivery, DeliveryStatus

NUMBERS = [f"+4670100{n:04d}" for n in range(120)]


def _sms_to_everyone(numbers, *, topic="activation:sms", exercise=False):
    outbox.enqueue_many(
        outbox.Message(
            key=f"{topic}:{number}:sms",
            channel="sms",
            address=number,
            topic=topic,
            body=f"Aktivering av regionalt samordnande forum. Svara JA eller NEJ. ({number})",
            exercise=exercise,
        )
        for number in numbers
    )


@pytest.mark.django_db
def test_an_sms_goes_to_46elks_with_from_to_and_message(elks, send_all):
    delivery = outbox.enqueue(
        key="k1", channel="sms", address="+46701740605", topic="t", body="Anslut nu"
    )
    send_all()
    (sms,) = elks.sms
    assert (sms.api, sms.sender, sms.to, sms.text) == (
        "46elks",
        "Samlad",
        "+46701740605",
        "Anslut nu",
    )
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT
    assert (delivery.provider, delivery.provider_message_id) == ("46elks", sms.id)


@pytest.mark.django_db
def test_an_sms_goes_to_twilio_with_to_from_and_body(twilio, send_all):
    delivery = outbox.enqueue(
        key="k1", channel="sms", address="+46701740605", topic="t", body="Anslut nu"
    )
    send_all()
    (sms,) = twilio.sms
    assert (sms.api, sms.sender, sms.to, sms.text) == (
        "twilio",
        "+46766860000",
        "+46701740605",
        "Anslut nu",
    )
    delivery.refresh_from_db()
    assert (delivery.status, delivery.provider) == (DeliveryStatus.SENT, "twilio")
    assert delivery.provider_message_id == sms.id


@pytest.mark.django_db
def test_an_exercise_sms_says_ovning(elks, send_all):
    _sms_to_everyone(NUMBERS[:1], exercise=True)
    send_all()
    (sms,) = elks.sms
    assert sms.text.startswith("ÖVNING")


@pytest.mark.django_db
@pytest.mark.parametrize("settings_of", ["elks_settings", "twilio_settings"])
def test_when_the_provider_fails_30_percent_every_recipient_is_still_reached_once(
    quick_retries, send_all, settings_of
):
    with ProviderServer(fail_share=0.3, seed=7) as server:
        with override_settings(**getattr(server, settings_of)()):
            _sms_to_everyone(NUMBERS)
            send_all(timeout=60)
        assert server.state.failed > 20  # the provider really did fail
        for number in NUMBERS:
            assert len(server.sms_to(number)) == 1, number
    retried = Delivery.objects.filter(attempts__gt=1)
    assert retried.exists()
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}


@pytest.mark.django_db
def test_an_accepted_sms_whose_answer_was_lost_is_not_sent_again(quick_retries, send_all):
    # The provider takes every third message but answers only after the client gave up: was it
    # sent? The next attempt asks the provider (GET /a1/sms?to=…) instead of sending blindly.
    with ProviderServer(slow_share=0.35, slow_seconds=1.5, seed=3) as server:
        with override_settings(**server.elks_settings(), NOTIFY_HTTP_TIMEOUT=0.5):
            _sms_to_everyone(NUMBERS[:30])
            send_all(timeout=60)
        for number in NUMBERS[:30]:
            assert len(server.sms_to(number)) == 1, number
    timed_out = Delivery.objects.filter(attempts__gt=1)
    assert timed_out.exists()
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}


@pytest.mark.django_db
def test_a_number_the_provider_refuses_fails_at_once_with_the_reason(elks, send_all):
    delivery = outbox.enqueue(key="bad", channel="sms", address="ingen siffra", topic="t", body="x")
    send_all()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == 1
    assert "Invalid to number" in delivery.last_error


@pytest.mark.django_db
def test_a_national_number_goes_to_the_provider_in_e164(elks, send_all):
    outbox.enqueue(key="n", channel="sms", address="070-174 06 05", topic="t", body="Hej")
    send_all()
    assert [sms.to for sms in elks.sms] == ["+46701740605"]
