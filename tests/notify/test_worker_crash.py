"""The worker process is killed (SIGKILL) in the middle of a 2,000-recipient call-out and started
again: every recipient ends up with exactly one message per channel, counted at the servers.

SMS: the provider is asked about every message the dead worker may have been sending, so nothing
it had accepted is sent again. E-mail: SMTP cannot be asked; a message the dead worker may have
handed over is sent again with the same Message-ID, so the recipient's mail system sees one
message (docs/delivery.md). The test counts distinct Message-IDs per mailbox and checks that every
extra copy the server saw is such a re-send."""

import signal
from collections import Counter

import pytest
from django.db import transaction
from provider_server import ProviderServer

from samlad.notify import outbox
from samlad.notify.models import Delivery, DeliveryStatus
from smtp import LocalSMTPServer
from worker import start_worker, stop, wait_until, worker_env

RECIPIENTS = 2000

pytestmark = pytest.mark.django_db(transaction=True)


def _call_out() -> None:
    messages = []
    for n in range(RECIPIENTS):
        common = {"topic": "activation:crash", "subject": "Aktivering", "exercise": False}
        text = f"Aktivering: anslut till samordnande forum. Mottagare {n}."
        messages.append(
            outbox.Message(
                key=f"crash:{n}:email",
                channel="email",
                address=f"m{n}@example.org",
                body=text,
                **common,
            )
        )
        messages.append(
            outbox.Message(
                key=f"crash:{n}:sms", channel="sms", address=f"+4670{n:07d}", body=text, **common
            )
        )
    with transaction.atomic():
        outbox.enqueue_many(messages)  # wakes the worker after the commit


def kill_midway_then_finish(env: dict, log, *, sent, of: int) -> None:
    """Start a worker, SIGKILL it once the servers have `sent()` 30 % of the `of` messages,
    then let two restarted workers send every delivery."""
    first = start_worker(env, log)
    try:
        wait_until(lambda: sent() >= 0.3 * of, 120, "the first 30%")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        assert sent() < of, "the worker finished before it could be killed"

        restarted = [start_worker(env, log), start_worker(env, log)]
        done = Delivery.objects.exclude(status=DeliveryStatus.SENT)
        wait_until(lambda: not done.exists(), 180, f"every delivery to be sent ({log})")
    finally:
        for worker in [first, *locals().get("restarted", [])]:
            stop(worker)


def _received(smtp: LocalSMTPServer, sms: ProviderServer) -> int:
    return len(smtp._collector.envelopes) + len(sms.state.sms)


def test_a_worker_killed_mid_call_out_and_restarted_reaches_everyone_once_per_channel(
    tmp_path,
):
    log = tmp_path / "worker.log"
    with LocalSMTPServer() as smtp, ProviderServer() as sms:
        env = worker_env(smtp, sms)
        _call_out()
        kill_midway_then_finish(env, log, sent=lambda: _received(smtp, sms), of=2 * RECIPIENTS)
        emails = smtp.messages
        texts = [(message.to, message.text) for message in sms.sms]

    sms_per_number = Counter(to for to, _text in texts)
    assert len(sms_per_number) == RECIPIENTS
    assert set(sms_per_number.values()) == {1}, "an SMS was sent twice"

    ids_per_mailbox: dict[str, set] = {}
    for message in emails:
        ids_per_mailbox.setdefault(message["To"], set()).add(message["Message-ID"])
    assert len(ids_per_mailbox) == RECIPIENTS
    assert all(len(ids) == 1 for ids in ids_per_mailbox.values()), "two different e-mails"
    copies = Counter(message["To"] for message in emails)
    recovered = dict(Delivery.objects.filter(channel="email").values_list("address", "recovered"))
    for address, count in copies.items():
        assert count - 1 <= recovered[address], f"{address}: a copy that was not a re-send"
    assert Delivery.objects.filter(recovered__gt=0).exists(), "the kill interrupted nothing"


def _notice_emails() -> None:
    """One e-mail to many, as a notice sends it: the same text and Message-ID for everyone."""
    with transaction.atomic():
        outbox.enqueue_many(
            outbox.Message(
                key=f"notice:crash:v1:email:u{n}",
                channel="email",
                address=f"m{n}@example.org",
                topic="notice:crash",
                subject="Information: Klass 2-varning för mycket snö",
                body="SMHI varnar för 20–30 cm snö i natt.",
                headers={"Message-ID": "<notice-crash@samlad.example>"},
            )
            for n in range(RECIPIENTS)
        )


def _envelope_recipients(smtp: LocalSMTPServer) -> int:
    return sum(len(recipients) for recipients in smtp.recipients)


def test_a_worker_killed_mid_notice_fan_out_re_sends_only_batches_in_doubt(tmp_path):
    """Batched e-mail (10 recipients a transaction here): what the journal shows accepted is not
    sent again; a batch the server took but the worker had not yet heard back about (the kill
    comes right after the server's acceptance, so this happens in most runs) goes again, to
    those recipients only, as the same message (one Message-ID)."""
    log = tmp_path / "worker.log"
    with LocalSMTPServer() as smtp, ProviderServer() as sms:
        env = worker_env(smtp, sms, NOTIFY_SMTP_BATCH="10")
        _notice_emails()
        kill_midway_then_finish(env, log, sent=lambda: _envelope_recipients(smtp), of=RECIPIENTS)
        envelopes = smtp.recipients
        messages = smtp.messages

    copies = Counter(address for recipients in envelopes for address in recipients)
    assert len(copies) == RECIPIENTS
    assert all(len(recipients) <= 10 for recipients in envelopes)
    assert {message["Message-ID"] for message in messages} == {"<notice-crash@samlad.example>"}
    recovered = dict(Delivery.objects.values_list("address", "recovered"))
    for address, count in copies.items():
        assert count - 1 <= recovered[address], f"{address}: a copy that was not a re-send"
    assert Delivery.objects.filter(recovered__gt=0).exists(), "the kill interrupted nothing"
