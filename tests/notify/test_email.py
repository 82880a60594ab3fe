"""E-mail goes to a real SMTP server: one Message-ID per delivery (derived from its key),
attachments such as an iCalendar invite, ÖVNING on exercises, connections reused."""

import pytest
from django.test import override_settings

from samlad.notify import outbox
from samlad.notify.channels.email import message_id
from samlad.notify.models import Delivery, DeliveryStatus

INVITE = "\r\n".join(
    [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Samlad//Test//SV",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        "UID:test-1@samlad.example",
        "DTSTAMP:20261123T150000Z",
        "DTSTART:20261126T150000Z",
        "SUMMARY:Regional samverkanskonferens",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
)


def _call_out(user, **extra):
    return outbox.enqueue(
        key=f"activation:test:{user.username}:email",
        channel="email",
        address=user.email,
        topic="activation:test",
        subject="Aktivering: Regionalt samordnande forum",
        body="Anslut till konferensen kl. 16.00.\nBrygga 08-123 456 00, PIN 1234.",
        user=user,
        actor=user.actor,
        **extra,
    )


@pytest.mark.django_db
def test_an_email_reaches_the_smtp_server_once_with_a_message_id_from_its_key(
    smtp_server, quick_retries, send_all, user
):
    nacka = user("nacka.kontakt")
    delivery = _call_out(nacka)
    send_all()
    (message,) = smtp_server.wait_for(1)
    assert smtp_server.recipients == [[nacka.email]]
    assert message["Message-ID"] == message_id(delivery.idempotency_key)
    assert message["Subject"] == "Aktivering: Regionalt samordnande forum"
    assert "PIN 1234" in message.get_content()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT
    assert delivery.provider == "smtp"
    assert delivery.provider_message_id == message["Message-ID"]
    assert delivery.sent_at is not None


def test_the_message_id_is_the_same_for_the_same_key_and_differs_between_keys():
    assert message_id("activation:1:nacka:email") == message_id("activation:1:nacka:email")
    assert message_id("activation:1:nacka:email") != message_id("activation:2:nacka:email")


@pytest.mark.django_db
def test_an_icalendar_invite_arrives_as_a_calendar_request(
    smtp_server, quick_retries, send_all, user
):
    invite = {
        "filename": "kallelse.ics",
        "content_type": "text/calendar; method=REQUEST",
        "content": INVITE,
    }
    _call_out(user("nacka.kontakt"), attachments=[invite])
    send_all()
    (message,) = smtp_server.wait_for(1)
    (calendar,) = [part for part in message.walk() if part.get_content_type() == "text/calendar"]
    assert calendar.get_param("method") == "REQUEST"
    assert calendar.get_filename() == "kallelse.ics"
    assert "SUMMARY:Regional samverkanskonferens" in calendar.get_content()


@pytest.mark.django_db
def test_an_exercise_email_says_ovning_in_subject_and_body(
    smtp_server, quick_retries, send_all, user
):
    _call_out(user("nacka.kontakt"), exercise=True)
    send_all()
    (message,) = smtp_server.wait_for(1)
    assert message["Subject"].startswith("ÖVNING")
    assert message.get_content().startswith("ÖVNING")


@pytest.mark.django_db
def test_many_emails_share_a_few_smtp_connections(smtp_server, quick_retries, send_all, user):
    sessions = set()
    collector = smtp_server._collector
    handle_data = collector.handle_DATA

    async def counting(server, session, envelope):
        sessions.add(id(session))
        return await handle_data(server, session, envelope)

    collector.handle_DATA = counting
    nacka = user("nacka.kontakt")
    outbox.enqueue_many(
        outbox.Message(
            key=f"bulk:{n}",
            channel="email",
            address=f"mottagare{n}@example.org",
            topic="bulk",
            subject=f"Meddelande {n}",
            body="Hej",
            user=nacka,
        )
        for n in range(60)
    )
    with override_settings(NOTIFY_SMTP_CONNECTIONS=3):
        send_all()
    smtp_server.wait_for(60)
    assert len(smtp_server.messages) == 60
    assert 1 <= len(sessions) <= 3


@pytest.mark.django_db
def test_a_refused_recipient_fails_at_once_with_the_reason(
    smtp_server, quick_retries, send_all, user
):
    collector = smtp_server._collector

    async def refuse(server, session, envelope, address, rcpt_options):
        if address.endswith("@nowhere.example"):
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    collector.handle_RCPT = refuse
    delivery = outbox.enqueue(
        key="refused", channel="email", address="ingen@nowhere.example", topic="t", body="Hej"
    )
    send_all()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == 1
    assert "550" in delivery.last_error
    assert not Delivery.objects.filter(fallback_of=delivery).exists()  # no user, no number
