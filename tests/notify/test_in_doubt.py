"""A delivery in doubt (its worker died mid-send, or the answer never came) is not sent blindly
again: the dead round's journal, or the SMS provider itself, says whether it already went out."""

from datetime import UTC, datetime

import httpx
import pytest
import time_machine
from provider_server import ELKS_PASSWORD, ELKS_USER

from samlad.notify import outbox
from samlad.notify.models import Delivery, DeliveryStatus
from samlad.notify.worker import journal


def _in_doubt(delivery: Delivery) -> None:
    Delivery.objects.filter(pk=delivery.pk).update(in_doubt=True, recovered=1, attempts=1)


@pytest.mark.django_db
def test_an_email_the_dead_round_noted_as_accepted_is_not_sent_again(
    smtp_server, quick_retries, send_all, settings, tmp_path
):
    settings.NOTIFY_JOURNAL_DIR = str(tmp_path)
    taken = outbox.enqueue(key="a", channel="email", address="a@example.org", topic="t", body="1")
    lost = outbox.enqueue(key="b", channel="email", address="b@example.org", topic="t", body="2")
    dead = journal.Journal("dead-worker")
    dead.note(taken.public_id, "<a@samlad>")
    dead.close(remove=False)
    _in_doubt(taken)
    _in_doubt(lost)
    send_all()
    assert smtp_server.recipients == [["b@example.org"]]  # only the one that never went out
    taken.refresh_from_db()
    assert (taken.status, taken.provider_message_id) == (DeliveryStatus.SENT, "<a@samlad>")
    assert list(tmp_path.iterdir()) == [dead.path]  # ours was removed


def test_a_dead_rounds_journal_is_read_for_a_day_by_the_clock_then_removed(settings, tmp_path):
    settings.NOTIFY_JOURNAL_DIR = str(tmp_path)
    with time_machine.travel(datetime(2027, 3, 4, 9, 0, tzinfo=UTC), tick=False) as clock:
        dead = journal.Journal("dead-worker")
        dead.note("d1", "<d1@samlad>")
        dead.close(remove=False)
        clock.move_to(datetime(2027, 3, 5, 8, 59, tzinfo=UTC))
        assert journal.accepted_earlier() == {"d1": "<d1@samlad>"}
        clock.move_to(datetime(2027, 3, 5, 9, 1, tzinfo=UTC))
        assert journal.accepted_earlier() == {}
        assert not dead.path.exists()


@pytest.mark.django_db
def test_an_sms_the_provider_already_has_is_marked_sent_not_sent_again(elks, send_all):
    text = "Aktivering: anslut till samordnande forum."
    delivery = outbox.enqueue(key="s", channel="sms", address="+46701740605", topic="t", body=text)
    accepted = httpx.post(
        f"{elks.url}/a1/sms",
        data={"from": "Samlad", "to": "+46701740605", "message": text},
        auth=(ELKS_USER, ELKS_PASSWORD),
    ).json()
    _in_doubt(delivery)
    send_all()
    assert elks.sms_to("+46701740605") == [text]  # still one
    delivery.refresh_from_db()
    assert (delivery.status, delivery.provider_message_id) == (DeliveryStatus.SENT, accepted["id"])
    assert not delivery.in_doubt


@pytest.mark.django_db
def test_an_sms_in_doubt_that_the_provider_never_got_is_sent(twilio, send_all):
    delivery = outbox.enqueue(key="s", channel="sms", address="+46701740605", topic="t", body="Hej")
    _in_doubt(delivery)
    send_all()
    assert twilio.sms_to("+46701740605") == ["Hej"]
