"""An open notice linked to a restricted event: everyone in the network reads the notice, but only
those who may see the event learn its title or id, on every surface (page, list, API, e-mail,
webhook, settings page). Everyone else reads the notice as if it had no event."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings
from noticekit import deliveries
from rest_framework.test import APIClient

from samlad.events import services as event_services
from samlad.events.models import EventType
from samlad.notices.services import webhooks
from samlad.notices.services.notices import correct_notice, publish_notice
from samlad.notices.services.preferences import follow_event as follow
from samlad.notify.models import DeliveryStatus
from samlad.notify.worker import sending

pytestmark = pytest.mark.django_db

TITLE = "Hot mot Slussen: skyddad insats"


@pytest.fixture
def secret_event(user, actor):
    """The police's restricted event: only the police's users may see it."""
    return event_services.create_event(
        by=user("polisen.kontakt"),
        title=TITLE,
        event_type=EventType.objects.get(slug="svart-vader"),
        mode="activated",
        classification="restricted",
        affected_actors=[actor("polisen")],
    )


@pytest.fixture
def linked_notice(user, category, secret_event):
    """The police's open notice about it: the whole network reads it."""
    return publish_notice(
        by=user("polisen.kontakt"),
        headline="Avspärrning vid Slussen",
        text="Undvik området till i kväll.",
        category=category("vadervarning"),
        event=secret_event,
    )


def test_the_notice_page_names_the_event_only_to_those_who_may_see_it(
    client_for, linked_notice, secret_event
):
    url = f"/underrattelser/{linked_notice.public_id}/"
    outside = client_for("nacka.kontakt").get(url).content.decode()
    assert "Avspärrning vid Slussen" in outside
    assert TITLE not in outside and str(secret_event.public_id) not in outside
    inside = client_for("polisen.kontakt").get(url).content.decode()
    assert TITLE in inside and str(secret_event.public_id) in inside


def test_the_notice_list_names_the_event_only_to_those_who_may_see_it(
    client_for, linked_notice, secret_event
):
    outside = client_for("nacka.kontakt").get("/underrattelser/").content.decode()
    assert "Avspärrning vid Slussen" in outside
    assert TITLE not in outside and str(secret_event.public_id) not in outside
    assert TITLE in client_for("polisen.kontakt").get("/underrattelser/").content.decode()


def test_the_api_gives_the_event_only_to_those_who_may_see_it(user, linked_notice, secret_event):
    client = APIClient()
    client.force_authenticate(user("nacka.kontakt"))
    url = f"/api/v1/notices/{linked_notice.public_id}/"
    assert client.get(url).json()["event"] is None
    listed = client.get("/api/v1/notices/").json()["results"]
    (found,) = [n for n in listed if n["id"] == str(linked_notice.public_id)]
    assert found["event"] is None
    client.force_authenticate(user("polisen.kontakt"))
    assert client.get(url).json()["event"] == str(secret_event.public_id)


def _send_everything(notice) -> None:
    with override_settings(NOTIFY_DEMO_OUTBOX=False, NOTIFY_SMS_PROVIDER="demo"):
        for _ in range(50):
            sending.send_due(seconds=10)
            if not deliveries(notice).exclude(status=DeliveryStatus.SENT).exists():
                return
    left = deliveries(notice).exclude(status=DeliveryStatus.SENT)
    raise AssertionError(f"not all sent: {list(left.values('channel', 'status', 'last_error'))}")


def test_the_email_names_the_event_only_to_recipients_who_may_see_it(
    smtp_server, user, linked_notice
):
    """The first version and a correction, as received by the SMTP server."""
    correct_notice(
        by=user("polisen.kontakt"),
        notice=linked_notice,
        text="Undvik området till i morgon.",
        change_note="Längre tid",
    )
    _send_everything(linked_notice)
    police = user("polisen.kontakt").email
    emails = deliveries(linked_notice).filter(channel="email")
    others = set(emails.exclude(address=police).values_list("address", flat=True))
    assert len(others) >= 3, "users of other actors receive the notice"

    received = [
        (message.get_payload(decode=True).decode(), set(envelope))
        for message, envelope in zip(smtp_server.messages, smtp_server.recipients, strict=True)
    ]
    to_others = [text for text, envelope in received if envelope & others]
    to_police = [text for text, envelope in received if police in envelope]
    assert len(to_others) == 2 and len(to_police) == 2  # the notice and its correction
    assert all("Avspärrning vid Slussen" in text and TITLE not in text for text in to_others)
    assert all(TITLE in text for text in to_police)


class Receiver:
    """A local HTTP server that keeps the JSON POSTed to it, by path."""

    def __init__(self):
        self.received: dict[str, list[dict]] = {}
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.setdefault(self.path, []).append(json.loads(body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@override_settings(SAMLAD_WEBHOOKS_ALLOW_PRIVATE=True)
def test_the_webhook_payload_names_the_event_only_to_actors_who_may_see_it(
    smtp_server, user, category, secret_event
):
    receiver = Receiver()
    try:
        webhooks.register_webhook(by=user("nacka.admin"), name="Nacka", url=f"{receiver.url}/n")
        webhooks.register_webhook(by=user("polisen.admin"), name="Polis", url=f"{receiver.url}/p")
        notice = publish_notice(
            by=user("polisen.kontakt"),
            headline="Avspärrning vid Slussen",
            text="Undvik området.",
            category=category("vadervarning"),
            event=secret_event,
        )
        _send_everything(notice)
    finally:
        receiver.close()
    (to_nacka,) = receiver.received["/n"]
    (to_police,) = receiver.received["/p"]
    assert to_nacka["headline"] == "Avspärrning vid Slussen" and to_nacka["event"] is None
    assert TITLE not in json.dumps(to_nacka, ensure_ascii=False)
    assert to_police["event"] == {"id": str(secret_event.public_id), "title": TITLE}


def test_the_settings_page_lists_only_followed_events_its_reader_may_still_see(
    client_for, user, actor
):
    """Nacka follows an open event of the county board, which then becomes confidential."""
    event = event_services.create_event(
        by=user("tib"),
        title=TITLE,
        event_type=EventType.objects.get(slug="svart-vader"),
        mode="activated",
        affected_actors=[actor("nacka")],
    )
    follow(by=user("nacka.kontakt"), event=event)
    page = client_for("nacka.kontakt").get("/underrattelser/installningar/")
    assert TITLE in page.text
    event_services.update_event(
        by=user("tib"), event=event, classification="confidential", osl_reference="OSL 18:13"
    )
    page = client_for("nacka.kontakt").get("/underrattelser/installningar/")
    assert page.status_code == 200 and TITLE not in page.text
    api = APIClient()
    api.force_authenticate(user("nacka.kontakt"))
    own = api.get("/api/v1/me/notification-settings/").json()
    assert str(event.public_id) not in own["followed_events"]
