"""Answering by SMS: "1 K47" attending, "2 K47" not attending, "3 20 K47" in 20 minutes. The
reply is matched by the sender's number and the activation code, so two activations at once
never mix their answers."""

from datetime import timedelta

import pytest
from django.utils import timezone

from samlad.activation import sms_replies
from samlad.activation.models import Recipient
from samlad.notify import inbound


def sms(sender: str, text: str) -> str | None:
    """What the provider's inbound webhook hands on: the reply sent back, or None."""
    return inbound.dispatch(
        inbound.InboundSms(sender=sender, text=text, received_at=timezone.now(), provider="test")
    )


@pytest.mark.parametrize(
    ("text", "answer", "minutes", "code"),
    [
        ("1 K47", "attending", None, "K47"),
        ("ja k47", "attending", None, "K47"),
        ("K47 2", "not_attending", None, "K47"),
        ("NEJ", "not_attending", None, None),
        ("3 20 K47", "later", 20, "K47"),
        ("senare 45", "later", 45, None),
        ("Hej, jag kommer", None, None, None),
    ],
)
def test_the_reply_syntax(text, answer, minutes, code):
    reply = sms_replies.parse(text)
    assert (reply.answer, reply.minutes, reply.code if answer else code) == (answer, minutes, code)


@pytest.fixture
def two_at_once(activate):
    """The coordinating forum and the cooperation staff, activated at the same time: Polisen's
    person on duty is called to both."""
    return activate(), activate("regional-samverkansstab")


def polisen(activation) -> Recipient:
    return Recipient.objects.get(activation=activation, user__username="polisen.kontakt")


def test_two_simultaneous_activations_never_mix_answers(two_at_once):
    first, second = two_at_once
    number = polisen(first).phone
    assert number == polisen(second).phone
    reply = sms(number, f"1 {first.code}")
    assert "Tack" in reply and first.code in reply
    assert polisen(first).answer == "attending"
    assert polisen(second).answer == ""
    sms(number, f"2 {second.code}")
    assert polisen(first).answer == "attending"
    assert polisen(second).answer == "not_attending"


def test_without_a_code_and_two_open_activations_the_sender_is_asked_for_it(two_at_once):
    first, second = two_at_once
    reply = sms(polisen(first).phone, "1")
    assert "Svara med koden" in reply
    assert first.code in reply and second.code in reply
    assert polisen(first).answer == "" and polisen(second).answer == ""


def test_with_one_open_activation_the_code_may_be_left_out(activate):
    activation = activate()
    nacka = Recipient.objects.get(activation=activation, user__username="nacka.kontakt")
    reply = sms(nacka.phone, "3 20")
    answered = Recipient.objects.get(pk=nacka.pk)
    assert answered.answer == "later"
    assert answered.answered_via == "sms"
    assert abs(answered.eta - (timezone.now() + timedelta(minutes=20))) < timedelta(seconds=30)
    assert "kommer om 20 minuter" in reply
    assert answered.participant.answered_at is not None


def test_a_wrong_code_is_refused_with_the_right_ones(activate):
    activation = activate()
    nacka = Recipient.objects.get(activation=activation, user__username="nacka.kontakt")
    reply = sms(nacka.phone, "1 Z99" if activation.code != "Z99" else "1 Y98")
    assert activation.code in reply
    assert Recipient.objects.get(pk=nacka.pk).answer == ""


def test_an_unreadable_reply_explains_the_syntax(activate):
    activation = activate()
    nacka = Recipient.objects.get(activation=activation, user__username="nacka.kontakt")
    reply = sms(nacka.phone, "Vad gäller det?")
    assert f"1 {activation.code}" in reply and f"3 20 {activation.code}" in reply
    assert Recipient.objects.get(pk=nacka.pk).answer == ""


def test_a_message_from_a_number_not_called_is_left_to_other_handlers(activate):
    activate()
    assert sms("+46701740699", "1") is None


def test_a_closed_activation_takes_no_sms_answers(activate, user):
    from samlad.activation import services

    activation = activate()
    nacka = Recipient.objects.get(activation=activation, user__username="nacka.kontakt")
    services.close_activation(by=user("tib"), activation=activation)
    assert sms(nacka.phone, f"1 {activation.code}") is None
    assert Recipient.objects.get(pk=nacka.pk).answer == ""
