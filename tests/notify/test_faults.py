"""When a provider is down the other channel takes over, the provider shows as down, and no
delivery disappears: each ends sent, or failed with the reason."""

from datetime import timedelta

import pytest
from django.test import override_settings
from provider_server import ProviderServer

from samlad.notify import outbox
from samlad.notify.models import Delivery, DeliveryStatus
from samlad.notify.worker import health
from samlad.notify.worker.record import backoff


def _call_out(users, *, exercise=False):
    for person in users:
        outbox.enqueue(
            key=f"activation:down:{person.username}:sms",
            channel="sms",
            address=str(person.phone),
            topic="activation:down",
            body="Aktivering: anslut till samordnande forum kl. 16.00.",
            user=person,
            actor=person.actor,
            exercise=exercise,
        )


@pytest.fixture
def contacts(user):
    return [user(f"{slug}.kontakt") for slug in ("nacka", "polisen", "sosalarm", "tyreso", "solna")]


@pytest.mark.django_db
def test_when_the_sms_provider_is_down_email_takes_over_and_health_says_down(
    smtp_server, quick_retries, send_all, contacts
):
    with ProviderServer() as server, override_settings(**server.elks_settings()):
        server.down()
        _call_out(contacts)
        send_all(timeout=60)

    assert sorted(r[0] for r in smtp_server.recipients) == sorted(p.email for p in contacts)
    for sms in Delivery.objects.filter(channel="sms"):
        assert sms.status == DeliveryStatus.FAILED
        assert "cannot connect" in sms.last_error
        (email,) = sms.fallbacks.all()
        assert (email.channel, email.status) == ("email", DeliveryStatus.SENT)
        assert email.address == sms.recipient_user.email
        assert email.topic == "activation:down"
    state = health.status_of("sms", "46elks")
    assert state.state == health.DOWN
    assert state.since is not None
    assert "cannot connect" in state.last_error
    assert health.status_of("email").state == health.OK


@pytest.mark.django_db
def test_a_provider_that_is_down_hands_over_at_once_not_after_every_retry(
    smtp_server, quick_retries, send_all, contacts
):
    slow_retries = {
        "NOTIFY_RETRY_BASE_SECONDS": 300,
        "NOTIFY_RETRY_MAX_SECONDS": 600,
        "NOTIFY_DOWN_AFTER_FAILURES": 3,
    }
    with ProviderServer() as server, override_settings(**server.elks_settings(), **slow_retries):
        server.down()
        _call_out(contacts)
        _send_until_emails(smtp_server, len(contacts))
    sms = Delivery.objects.filter(channel="sms")
    assert all(row.status == DeliveryStatus.PENDING for row in sms)  # still retrying later
    assert Delivery.objects.filter(channel="email", fallback_of__in=sms).count() == len(contacts)


def _send_until_emails(smtp_server, count):
    from samlad.notify.worker import sending

    for _ in range(5):
        sending.send_due(seconds=5)
    smtp_server.wait_for(count)


@pytest.mark.django_db
def test_an_exercise_keeps_saying_ovning_on_the_other_channel(
    smtp_server, quick_retries, send_all, contacts
):
    with ProviderServer() as server, override_settings(**server.elks_settings()):
        server.down()
        _call_out(contacts[:1], exercise=True)
        send_all(timeout=30)
    (message,) = smtp_server.wait_for(1)
    assert (
        message["Subject"].strip().startswith("ÖVNING")
    )  # (a folded header may start with a space)
    assert message.get_content().startswith("ÖVNING")


@pytest.mark.django_db
def test_an_email_that_cannot_be_delivered_goes_out_as_an_sms_to_the_given_number(
    elks, send_all, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    delivery = outbox.enqueue(
        key="mail-down",
        channel="email",
        address="tib@lansstyrelsen.example",
        topic="activation:x",
        subject="Aktivering",
        body="Anslut nu.",
        fallback_address="+46701740605",
    )
    send_all(timeout=30)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert "SMTP connection failed" in delivery.last_error
    assert elks.sms_to("+46701740605") == ["Aktivering\nAnslut nu."]


@pytest.mark.django_db
def test_with_no_address_on_the_other_channel_the_failure_stays_visible(quick_retries, send_all):
    with ProviderServer() as server, override_settings(**server.elks_settings()):
        server.down()
        delivery = outbox.enqueue(
            key="lone", channel="sms", address="+46701740607", topic="t", body="x"
        )
        send_all(timeout=30)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == 8
    assert delivery.last_error
    assert not delivery.fallbacks.exists()


def test_retries_wait_longer_each_time_with_jitter_and_a_ceiling(settings):
    settings.NOTIFY_RETRY_BASE_SECONDS, settings.NOTIFY_RETRY_MAX_SECONDS = 10, 120
    first = [backoff(1) for _ in range(50)]
    third = [backoff(3) for _ in range(50)]
    late = [backoff(12) for _ in range(50)]
    assert all(timedelta(seconds=5) <= d <= timedelta(seconds=15) for d in first)
    assert all(timedelta(seconds=20) <= d <= timedelta(seconds=60) for d in third)
    assert all(d <= timedelta(seconds=180) for d in late)
    assert len(set(first)) > 1  # jitter: not all workers retry at the same instant


@pytest.mark.django_db
def test_an_email_that_cannot_be_delivered_goes_to_the_users_mobile(elks, send_all, user, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    nacka = user("nacka.kontakt")
    outbox.enqueue(
        key="mail-down-user",
        channel="email",
        address=nacka.email,
        topic="activation:y",
        subject="Aktivering",
        body="Anslut nu.",
        user=nacka,
        actor=nacka.actor,
    )
    send_all(timeout=30)
    assert elks.sms_to(nacka.phone.as_e164) == ["Aktivering\nAnslut nu."]
