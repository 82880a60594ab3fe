"""The board finds each recipient's messages by what they were written for (the delivery's
cause), not by reading their idempotency keys: a key that names another recipient, or one too
long to be kept whole, still lands with the right person."""

import importlib

from django.apps import apps

from samlad.activation import services
from samlad.activation.board import board_for
from samlad.activation.models import Recipient
from samlad.notify.models import Delivery, DeliveryStatus
from samlad.notify.outbox import enqueue
from samlad.notify.worker import fallback


def recipient(activation, username) -> Recipient:
    return Recipient.objects.get(activation=activation, user__username=username)


def deliveries_on_board(board, person: Recipient) -> list[Delivery]:
    for row in board.rows:
        for line in row.recipients:
            if line.recipient.pk == person.pk:
                return line.deliveries
    raise AssertionError(f"{person} is not on the board")


def reminder(activation, *, about: Recipient, key: str) -> Delivery:
    return enqueue(
        key=key,
        channel="sms",
        address=about.phone,
        topic=activation.topic,
        body="Påminnelse: svara på larmet.",
        user=about.user,
        actor=about.participant.actor,
        cause=about,
    )


def test_a_message_whose_key_names_another_recipient_shows_with_its_own(activate, user):
    activation = activate()
    nacka, varmdo = recipient(activation, "nacka.kontakt"), recipient(activation, "varmdo.kontakt")
    # The old board read the recipient from the key's third part: this one names Värmdö.
    confusing = f"activation:{activation.public_id}:{varmdo.public_id}:reminder"
    sent_to_nacka = reminder(activation, about=nacka, key=confusing)
    Delivery.objects.filter(pk=sent_to_nacka.pk).update(status=DeliveryStatus.FAILED)

    board = board_for(user("tib"), activation)

    assert sent_to_nacka.pk in [d.pk for d in deliveries_on_board(board, nacka)]
    assert sent_to_nacka.pk not in [d.pk for d in deliveries_on_board(board, varmdo)]
    assert all(d.status == DeliveryStatus.PENDING for d in deliveries_on_board(board, varmdo))


def test_a_message_with_a_key_too_long_to_keep_whole_still_shows(activate, user):
    activation = activate()
    nacka = recipient(activation, "nacka.kontakt")
    long_key = f"activation:{activation.public_id}:{nacka.public_id}:" + "påminnelse-" * 30
    sent = reminder(activation, about=nacka, key=long_key)
    assert sent.idempotency_key != long_key  # stored as its beginning and a digest
    Delivery.objects.filter(pk=sent.pk).update(status=DeliveryStatus.SENT)

    board = board_for(user("tib"), activation)

    (row,) = [r for r in board.rows if r.actor.slug == "nacka"]
    assert row.reached
    assert sent.pk in [d.pk for d in deliveries_on_board(board, nacka)]


def test_a_fallback_shows_with_its_originals_recipient(activate, user):
    activation = activate()
    nacka = recipient(activation, "nacka.kontakt")
    sms = Delivery.objects.get(cause_id=nacka.pk, channel="sms", fallback_of=None)
    Delivery.objects.filter(pk=sms.pk).update(status=DeliveryStatus.FAILED)
    assert fallback.fall_back_many([sms]) == 1
    email = Delivery.objects.get(fallback_of=sms)

    assert email.channel == "email"
    board = board_for(user("tib"), activation)
    assert email.pk in [d.pk for d in deliveries_on_board(board, nacka)]


def test_call_out_messages_written_before_causes_get_them_from_their_keys(activate, user):
    activation = activate()
    nacka = recipient(activation, "nacka.kontakt")
    services.answer_by_sms(recipient=nacka, answer="attending")
    written = Delivery.objects.filter(topic=activation.topic)
    expected = dict(written.values_list("pk", "cause_id"))
    written.update(cause_type=None, cause_id=None)

    name = "samlad.activation.migrations.0004_call_out_delivery_causes"
    importlib.import_module(name).fill_causes(apps, None)

    assert dict(written.values_list("pk", "cause_id")) == expected
    assert set(written.filter(cause_id=nacka.pk).values_list("channel", flat=True)) == {
        "email",
        "sms",
    }
