"""A notice's e-mail is the same for every recipient: it reaches the SMTP server as one message
(one Message-ID, many envelope recipients) whose To header names none of them, and each
recipient gets it once; a correction is a message of its own."""

import pytest
from django.test import override_settings
from noticekit import deliveries

from samlad.notices.services.notices import correct_notice, publish_notice
from samlad.notify.models import DeliveryStatus
from samlad.notify.worker import sending

pytestmark = pytest.mark.django_db


def _send_everything(notice) -> None:
    with override_settings(NOTIFY_DEMO_OUTBOX=False, NOTIFY_SMS_PROVIDER="demo"):
        for _ in range(50):
            sending.send_due(seconds=10)
            if not deliveries(notice).exclude(status=DeliveryStatus.SENT).exists():
                return
    raise AssertionError("the notice's deliveries were not all sent")


def test_a_notice_email_goes_to_all_its_recipients_as_one_message_naming_none(
    smtp_server, user, category
):
    notice = publish_notice(
        by=user("tib"),
        headline="Kraftigt snöfall väntas i natt",
        text="SMHI har utfärdat en gul varning för snöfall.",
        category=category("vadervarning"),
    )
    emails = deliveries(notice).filter(channel="email")
    addresses = sorted(emails.values_list("address", flat=True))
    assert len(addresses) >= 3
    _send_everything(notice)

    received = sorted(a for envelope in smtp_server.recipients for a in envelope)
    assert received == addresses, "each recipient once"
    (message,) = smtp_server.messages
    assert message["To"] == "undisclosed-recipients:;"
    assert not any(address in message.as_string() for address in addresses)
    assert "Kraftigt snöfall väntas i natt" in message["Subject"]
    assert set(emails.values_list("provider_message_id", flat=True)) == {message["Message-ID"]}

    correct_notice(by=user("tib"), notice=notice, text="Nu 25–40 cm.", change_note="Mer snö")
    _send_everything(notice)
    first, correction = smtp_server.messages
    assert correction["Message-ID"] != first["Message-ID"]
    assert sorted(smtp_server.recipients[1]) == addresses
