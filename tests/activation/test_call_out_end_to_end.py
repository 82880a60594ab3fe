"""A call-out from end to end: TiB activates a forum, the real worker process (`manage.py
samlad_worker`) sends the messages to the local SMTP server and the local 46elks server, and the
duty officer's board shows every actor reached. People answer with what they received: an SMS
reply through the provider's inbound webhook, or the answer link in their e-mail or SMS. When the
SMS provider is down, e-mail still reaches everyone, the SMS messages go out as e-mail after
their retries, and the board says the SMS provider is not answering. A board left open hears of
the worker's sending within two seconds."""

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db.models import Min
from django.test import Client, override_settings
from django.utils import timezone
from stream_helpers import follow

from notify.provider_server import ProviderServer
from samlad.accounts.models import User
from samlad.activation import services
from samlad.activation.board import board_for
from samlad.activation.models import Forum, Recipient
from samlad.notify.models import Delivery, DeliveryStatus
from smtp import LocalSMTPServer
from worker import running_worker, start_worker, stop, wait_until, worker_env

pytestmark = pytest.mark.django_db(transaction=True)

COORDINATING = "regionalt-samordnande-forum"
INBOUND_SECRET = "hemligt-inkommande"
ANSWER_LINK = re.compile(r"https?://\S+/aktivering/svar/\S+/")
QUICK_RETRIES = {
    "NOTIFY_MAX_ATTEMPTS": "3",
    "NOTIFY_RETRY_BASE_SECONDS": "0.1",
    "NOTIFY_RETRY_MAX_SECONDS": "0.3",
    "NOTIFY_HTTP_TIMEOUT": "1",
}


@dataclass
class Servers:
    smtp: LocalSMTPServer
    sms: ProviderServer
    worker_env: dict
    log: Path


@pytest.fixture
def servers(demo_data, tmp_path):
    """The local SMTP and 46elks servers, and this process (the web side) set up to use them."""
    with LocalSMTPServer() as smtp, ProviderServer() as sms:
        web = smtp.settings() | sms.elks_settings()
        web |= {"NOTIFY_DEMO_OUTBOX": False, "ELKS46_INBOUND_SECRET": INBOUND_SECRET}
        with override_settings(**web):
            env = worker_env(smtp, sms, **QUICK_RETRIES)
            yield Servers(smtp, sms, env, tmp_path / "worker.log")


@pytest.fixture
def worker(servers):
    """The real worker process, sending to the servers."""
    with running_worker(servers.worker_env, servers.log):
        yield servers


def activate():
    return services.activate(
        by=User.objects.get(username="tib"),
        forum=Forum.objects.get(slug=COORDINATING),
        reason="Snöoväder: SMHI varnar klass 2 inom 24 timmar.",
    )


def wait_until_done(activation, log) -> None:
    """Until every message of the call-out (fallbacks included) is sent or has failed for good."""
    messages = Delivery.objects.filter(topic=activation.topic)
    open_states = [DeliveryStatus.PENDING, DeliveryStatus.SENDING]
    wait_until(
        lambda: messages.exists() and not messages.filter(status__in=open_states).exists(),
        90,
        f"the worker to finish the call-out (its log: {log})",
    )


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def calendar_parts(message) -> list:
    return [part for part in message.walk() if part.get_content_type() == "text/calendar"]


def board_page(activation) -> str:
    tib = Client()
    tib.force_login(
        User.objects.get(username="tib"), backend="samlad.accounts.backends.SamladBackend"
    )
    response = tib.get(f"/aktivering/{activation.public_id}/")
    assert response.status_code == 200
    return response.content.decode()


def the_recipient(activation, username) -> Recipient:
    return Recipient.objects.get(activation=activation, user__username=username)


def answer_path(text: str) -> str:
    """The answer link in a message as received, as a path on this site."""
    (link,) = ANSWER_LINK.findall(text)
    return urlsplit(link).path


def test_a_call_out_reaches_every_actor_and_the_answers_show_on_the_board(worker):
    smtp, sms, log = worker.smtp, worker.sms, worker.log
    activation = activate()
    wait_until_done(activation, log)

    # What the duty officer sees: every actor reached, no provider trouble.
    board = board_for(User.objects.get(username="tib"), activation)
    assert board.figures["actors"] == 37
    assert board.figures["reached"] == 37
    assert all(row.state == "reached" for row in board.rows)
    page = board_page(activation)
    assert "37</strong> nådda" in page
    assert "svarar inte" not in page and "har störningar" not in page

    # The servers got exactly one message per address, the e-mails with the calendar invite.
    recipients = Recipient.objects.filter(activation=activation)
    emails = sorted(r.email for r in recipients if r.email)
    phones = sorted(r.phone for r in recipients if r.phone)
    assert emails and phones
    mails = [m for m in smtp.messages if activation.code in m["Subject"]]
    assert sorted(m["To"] for m in mails) == emails
    for mail in mails:
        (invite,) = calendar_parts(mail)
        assert "METHOD:REQUEST" in invite.get_content()
    texts = [s for s in sms.sms if activation.code in s.text]
    assert Counter(s.to for s in texts) == Counter(phones)
    assert set(Counter(s.to for s in texts).values()) == {1}

    # Polisen answers by SMS, as the SMS it received says.
    police = the_recipient(activation, "polisen.kontakt")
    (police_sms,) = sms.sms_to(police.phone)
    code = re.search(r"\b1 ([A-Z]\d{2})\b", police_sms).group(1)
    reply = Client().post(
        f"/api/v1/notify/sms/46elks/?secret={INBOUND_SECRET}",
        {"from": police.phone, "to": "+46766860000", "message": f"1 {code}", "id": "in-1"},
    )
    assert reply.status_code == 200
    assert "Tack" in reply.content.decode()

    # Nacka answers with the link in its e-mail, SOS Alarm with the link in its SMS.
    nacka = the_recipient(activation, "nacka.kontakt")
    (nacka_mail,) = [m for m in mails if m["To"] == nacka.email]
    link = answer_path(text_of(nacka_mail))
    assert Client().get(link).status_code == 200
    answered = Client().post(link, {"answer": "attending"})
    assert "Tack. Ditt svar är registrerat: kommer" in answered.content.decode()
    sos = the_recipient(activation, "sosalarm.kontakt")
    (sos_sms,) = sms.sms_to(sos.phone)
    Client().post(answer_path(sos_sms), {"answer": "later", "minutes": "20"})

    page = board_page(activation)
    assert 'id="aktor-polisen" data-state="attending"' in page
    assert 'id="aktor-nacka" data-state="attending"' in page
    assert 'id="aktor-sosalarm" data-state="later"' in page
    assert "2</strong> kommer" in page
    figures = board_for(User.objects.get(username="tib"), activation).figures
    assert (figures["answered"], figures["attending"], figures["later"]) == (3, 2, 1)


def test_with_the_sms_provider_down_email_reaches_everyone_and_the_board_says_so(worker):
    smtp, sms, log = worker.smtp, worker.sms, worker.log
    sms.down()  # connections refused
    started = timezone.now()
    activation = activate()
    wait_until_done(activation, log)

    recipients = Recipient.objects.filter(activation=activation)
    emails = sorted(r.email for r in recipients if r.email)
    mails = [m for m in smtp.messages if activation.code in m["Subject"] + text_of(m)]
    called = [m for m in mails if activation.code in m["Subject"]]
    assert sorted(m["To"] for m in called) == emails  # one call-out e-mail each, with the invite
    assert all(len(calendar_parts(m)) == 1 for m in called)
    assert sms.sms == []

    # Each SMS was tried, retried, failed, and went out as an e-mail to its person instead.
    texts = Delivery.objects.filter(topic=activation.topic, channel="sms")
    assert texts.count() == sum(1 for r in recipients if r.phone)
    instead = []
    for text in texts.select_related("recipient_user"):
        assert text.status == DeliveryStatus.FAILED
        assert text.attempts == 3
        assert "cannot connect" in text.last_error
        if text.recipient_user is None:
            continue
        (fallback,) = text.fallbacks.all()
        assert (fallback.channel, fallback.status) == ("email", DeliveryStatus.SENT)
        assert fallback.address == text.recipient_user.email
        instead.append((fallback.address, text.body))
    assert instead
    instead_received = [(m["To"], text_of(m).strip()) for m in mails if m not in called]
    assert sorted(instead_received) == sorted(instead)  # each exactly once

    # The board: everyone reached by e-mail, and the SMS provider shown as not answering.
    board = board_for(User.objects.get(username="tib"), activation)
    assert board.figures["reached"] == 37
    (channel,) = board.channels_down
    assert channel.channel == "sms"
    assert channel.since >= started
    page = board_page(activation)
    assert "Sms-leverantören svarar inte" in page
    since = timezone.localtime(channel.since).strftime("%H:%M")
    assert f"sedan kl. {since}" in page
    assert "cannot connect" in page
    assert f"({texts.count()} meddelanden misslyckas)" in page
    assert "E-postservern svarar inte" not in page


def test_the_open_board_hears_of_the_workers_sending_within_two_seconds(servers):
    """The board is open before the worker starts; its live stream says "delivery" no later
    than two seconds after the worker's first message was accepted."""
    activation = activate()
    workers = []

    def start_the_worker():
        workers.append(start_worker(servers.worker_env, servers.log))

    try:
        status, received, _took = follow(
            "tib", activation, start_the_worker, until="event: delivery", seconds=60
        )
        heard_at = timezone.now()
    finally:
        for process in workers:
            stop(process)
    assert status == 200
    assert "event: delivery" in received
    first_sent = Delivery.objects.filter(topic=activation.topic).aggregate(Min("sent_at"))
    assert first_sent["sent_at__min"] is not None
    assert (heard_at - first_sent["sent_at__min"]).total_seconds() < 2
