"""One e-mail to many (a notice's): deliveries with identical e-mails and the caller's Message-ID
go out as few SMTP transactions with many envelope recipients. Each recipient gets it once, the
To header names nobody, a refused recipient fails on its own, and a worker that dies after the
server took a batch (and it was journalled) sends nobody twice."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from samlad.notify import outbox
from samlad.notify.channels.email import EmailSender, message_id
from samlad.notify.models import Delivery, DeliveryStatus
from samlad.notify.worker import claims, journal
from samlad.notify.worker.attempts import attempt_batch

SHARED_ID = message_id("notice:test:v1:email")
SUBJECT = "Information: Klass 2-varning för mycket snö"
BODY = "SMHI varnar för 20–30 cm snö i natt.\nLäs mer: https://samlad.example/n/1/"


def _notice_emails(count: int, *, prefix: str = "m") -> list[str]:
    addresses = [f"{prefix}{n}@example.org" for n in range(count)]
    with transaction.atomic():
        outbox.enqueue_many(
            outbox.Message(
                key=f"notice:test:v1:email:{address}",
                channel="email",
                address=address,
                topic="notice:test",
                subject=SUBJECT,
                body=BODY,
                headers={"Message-ID": SHARED_ID},
            )
            for address in addresses
        )
    return addresses


@pytest.mark.django_db(transaction=True)
def test_identical_emails_go_out_in_few_transactions_and_each_recipient_gets_one(
    smtp_server, quick_retries, send_all
):
    addresses = _notice_emails(120)
    with override_settings(NOTIFY_SMTP_BATCH=50):
        send_all()
    envelopes = smtp_server.recipients
    assert sorted(a for envelope in envelopes for a in envelope) == sorted(addresses)
    assert len(envelopes) <= 4, "not sent in batches"
    assert max(len(envelope) for envelope in envelopes) <= 50
    for message in smtp_server.messages:
        assert message["To"] == "undisclosed-recipients:;"
        assert message["Message-ID"] == SHARED_ID
        assert message["Subject"] == SUBJECT
        assert "@example.org" not in message.as_string()
    rows = Delivery.objects.filter(topic="notice:test")
    assert set(rows.values_list("status", flat=True)) == {DeliveryStatus.SENT}
    assert set(rows.values_list("provider_message_id", flat=True)) == {SHARED_ID}


@pytest.mark.django_db(transaction=True)
def test_a_refused_recipient_fails_while_the_others_of_its_batch_are_sent(
    smtp_server, quick_retries, send_all
):
    smtp_server.refuse("m3@example.org")
    smtp_server.refuse("m7@example.org", "452 4.2.2 Mailbox full")
    addresses = _notice_emails(10)
    with override_settings(NOTIFY_MAX_ATTEMPTS=2):
        send_all()
    received = [a for envelope in smtp_server.recipients for a in envelope]
    assert sorted(received) == sorted(set(addresses) - {"m3@example.org", "m7@example.org"})
    refused = Delivery.objects.get(address="m3@example.org")
    assert refused.status == DeliveryStatus.FAILED
    assert refused.attempts == 1, "a refusal for good is not retried"
    assert "550" in refused.last_error
    full = Delivery.objects.get(address="m7@example.org")
    assert full.status == DeliveryStatus.FAILED
    assert full.attempts == 2, "a temporary refusal is retried"
    assert "452" in full.last_error
    sent = Delivery.objects.filter(status=DeliveryStatus.SENT)
    assert sent.count() == 8


@pytest.mark.django_db(transaction=True)
def test_when_every_recipient_is_refused_each_delivery_says_why(
    smtp_server, quick_retries, send_all
):
    for n in range(3):
        smtp_server.refuse(f"m{n}@example.org")
    _notice_emails(3)
    send_all()
    assert smtp_server.recipients == []
    for row in Delivery.objects.all():
        assert row.status == DeliveryStatus.FAILED
        assert "550" in row.last_error


@pytest.mark.django_db(transaction=True)
def test_a_worker_that_dies_after_journalling_an_accepted_batch_sends_nobody_twice(
    smtp_server, quick_retries, send_all, settings, tmp_path
):
    settings.NOTIFY_JOURNAL_DIR = str(tmp_path)
    addresses = _notice_emails(30)
    # A worker claims the rows and hands the batch over; the server says yes and the worker
    # notes it in its journal, then dies before the database hears of it.
    rows = claims.claim(channel="email", provider="smtp", limit=100, worker_id="dead-worker")
    notes = journal.Journal("dead-worker")
    sender = EmailSender()
    outcomes = attempt_batch(sender, rows, journal=notes)
    sender.close()
    notes.close(remove=False)
    assert all(outcome.accepted for outcome in outcomes)
    assert len(smtp_server.recipients) == 1
    # Its lease runs out; another worker takes the rows over.
    Delivery.objects.update(lease_until=timezone.now() - timedelta(seconds=1))
    send_all()
    received = [a for envelope in smtp_server.recipients for a in envelope]
    assert sorted(received) == sorted(addresses), "a recipient got the e-mail twice"
    for row in Delivery.objects.all():
        assert row.status == DeliveryStatus.SENT
        assert row.recovered == 1
        assert row.provider_message_id == SHARED_ID


@pytest.mark.django_db(transaction=True)
def test_a_worker_that_dies_before_the_server_answered_sends_the_batch_once_later(
    smtp_server, quick_retries, send_all
):
    addresses = _notice_emails(30)
    claims.claim(channel="email", provider="smtp", limit=100, worker_id="dead-worker")
    Delivery.objects.update(lease_until=timezone.now() - timedelta(seconds=1))
    send_all()
    received = [a for envelope in smtp_server.recipients for a in envelope]
    assert sorted(received) == sorted(addresses)
    assert {m["Message-ID"] for m in smtp_server.messages} == {SHARED_ID}


@pytest.mark.django_db(transaction=True)
def test_emails_that_differ_or_have_no_shared_message_id_go_one_by_one(
    smtp_server, quick_retries, send_all
):
    with transaction.atomic():
        for n in range(3):
            outbox.enqueue(
                key=f"activation:test:{n}:email",
                channel="email",
                address=f"p{n}@example.org",
                topic="activation:test",
                subject="Aktivering",
                body="Anslut kl. 16.00.",
            )
    send_all()
    assert sorted(smtp_server.recipients) == [[f"p{n}@example.org"] for n in range(3)]
    assert {m["To"] for m in smtp_server.messages} == {f"p{n}@example.org" for n in range(3)}


@pytest.mark.django_db(transaction=True)
def test_the_same_address_twice_is_never_in_one_transaction(smtp_server, quick_retries, send_all):
    with transaction.atomic():
        outbox.enqueue_many(
            outbox.Message(
                key=f"notice:test:v1:email:u{n}",
                channel="email",
                address="delad@example.org" if n < 2 else f"m{n}@example.org",
                topic="notice:test",
                subject=SUBJECT,
                body=BODY,
                headers={"Message-ID": SHARED_ID},
            )
            for n in range(4)
        )
    send_all()
    for envelope in smtp_server.recipients:
        assert len(envelope) == len(set(envelope))
    received = [a for envelope in smtp_server.recipients for a in envelope]
    assert received.count("delad@example.org") == 2  # two users share it: one each
