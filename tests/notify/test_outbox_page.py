"""The outbox page /utskick/: in demo mode nothing leaves the platform and a user sees the
messages sent to them and their actor; a platform administrator sees all of them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samlad.notify import outbox
from samlad.notify.models import DeliveryStatus
from samlad.notify.worker import sending


def _call_out(user, actor):
    for person in (user("nacka.kontakt"), user("polisen.kontakt")):
        outbox.enqueue(
            key=f"demo:{person.username}:email",
            channel="email",
            address=person.email,
            topic="activation:demo",
            subject="Aktivering: Regionalt samordnande forum",
            body=f"Hej {person.actor.name}, anslut kl. 16.00.",
            user=person,
            actor=person.actor,
            exercise=True,
        )
        outbox.enqueue(
            key=f"demo:{person.username}:sms",
            channel="sms",
            address=str(person.phone),
            topic="activation:demo",
            body=f"Aktivering {person.actor.name}: anslut kl. 16.00.",
            user=person,
            actor=person.actor,
        )


@pytest.fixture
def demo(settings):
    settings.DEMO_MODE = True
    settings.REQUIRE_ADMIN_TWO_FACTOR = False


@pytest.mark.django_db
def test_in_demo_mode_messages_stay_in_the_outbox_and_are_shown_there(
    demo, smtp_server, user, actor, client_for
):
    _call_out(user, actor)
    sending.send_due()
    assert smtp_server.messages == []  # nothing left the platform
    page = client_for("nacka.kontakt").get(reverse("notify:outbox"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Utskick" in html
    assert "Hej Nacka kommun, anslut kl. 16.00." in html
    assert "ÖVNING: Aktivering: Regionalt samordnande forum" in html
    assert "Aktivering Nacka kommun: anslut kl. 16.00." in html
    assert "Skickat" in html or "Accepterat" in html
    assert "Polismyndigheten" not in html  # another actor's messages are not shown


@pytest.mark.django_db
def test_the_outbox_lists_the_newest_first_with_channel_address_and_status(
    demo, user, actor, client_for
):
    _call_out(user, actor)
    sending.send_due()
    html = client_for("kansli").get(reverse("notify:outbox")).content.decode()
    assert html.index("polisen.kontakt@") < html.index("nacka.kontakt@")  # newest first
    assert "Sms" in html and "E-post" in html
    assert user("nacka.kontakt").phone.as_e164 in html


@pytest.mark.django_db
def test_the_outbox_filters_by_channel(demo, user, actor, client_for):
    _call_out(user, actor)
    html = client_for("kansli").get(reverse("notify:outbox"), {"kanal": "sms"}).content.decode()
    assert "polisen.kontakt@" not in html
    assert "Aktivering Polismyndigheten Region Stockholm: anslut" in html


@pytest.mark.django_db
def test_outside_demo_mode_only_platform_administrators_see_the_outbox(user, actor, client_for):
    _call_out(user, actor)
    assert client_for("nacka.kontakt").get(reverse("notify:outbox")).status_code == 404
    assert client_for("kansli").get(reverse("notify:outbox")).status_code == 200


def test_the_outbox_asks_for_sign_in(client, db):
    response = client.get(reverse("notify:outbox"))
    assert response.status_code == 302
    assert "/konto/logga-in/" in response["Location"]


@pytest.mark.django_db
def test_the_outbox_shows_a_provider_that_is_down(demo, client_for, settings):
    from samlad.notify.worker import health

    settings.NOTIFY_DEMO_OUTBOX = False
    health.note(channel="sms", provider="46elks", successes=0, failures=12, last_error="HTTP 503")
    html = client_for("kansli").get(reverse("notify:outbox")).content.decode()
    assert "46elks" in html
    assert "ur funktion" in html
    assert "HTTP 503" in html


@pytest.mark.django_db
def test_a_demo_delivery_is_marked_sent_by_the_demo_outbox(demo, user, actor):
    _call_out(user, actor)
    sending.send_due()
    from samlad.notify.models import Delivery

    assert set(Delivery.objects.values_list("status", "provider")) == {
        (DeliveryStatus.SENT, "demo")
    }


def _in_navigation(client) -> bool:
    page = client.get("/aktorer/").content.decode()
    return '<a href="/utskick/">Utskick</a>' in page


@pytest.mark.django_db
def test_the_outbox_is_in_the_navigation_of_those_who_may_open_it(client_for, settings):
    settings.DEMO_MODE = False
    for username, shown in [("kansli", True), ("nacka.admin", False), ("nacka.kontakt", False)]:
        user_client = client_for(username)
        assert _in_navigation(user_client) is shown, username
        opens = user_client.get(reverse("notify:outbox")).status_code == 200
        assert opens is shown, username


@pytest.mark.django_db
def test_in_demo_mode_everyone_signed_in_has_the_outbox_in_the_navigation(demo, client_for, client):
    for username in ("nacka.kontakt", "polisen.kontakt", "kansli"):
        user_client = client_for(username)
        assert _in_navigation(user_client), username
        assert user_client.get(reverse("notify:outbox")).status_code == 200
    signed_out = client.get("/konto/logga-in/").content.decode()
    assert 'href="/utskick/"' not in signed_out


def _message_about(topic: str, *, to, text: str, subject: str = ""):
    outbox.enqueue(
        key=f"{topic}:{to.username}",
        channel="email",
        address=to.email,
        topic=topic,
        subject=subject,
        body=text,
        user=to,
        actor=to.actor,
    )


@pytest.mark.django_db
def test_the_outbox_hides_the_text_of_a_restricted_notice_from_an_administrator_outside_it(
    user, actor, client_for
):
    from samlad.notices.models import Category
    from samlad.notices.services.notices import publish_notice

    publish_notice(
        by=user("polisen.kontakt"),
        headline="Förhöjd hotbild mot vattenverk",
        text="Bevakning förstärks.",
        category=Category.objects.get(slug="sakerhet"),
        classification="restricted",
        shared_with=[actor("stockholm")],
    )
    html = client_for("kansli").get(reverse("notify:outbox")).content.decode()
    assert "polisen.kontakt@" in html  # the message is listed
    assert "Förhöjd hotbild" not in html  # neither subject nor text
    assert "Bevakning förstärks" not in html
    assert "Ett meddelande om en begränsad uppgift som du inte får se" in html


@pytest.mark.django_db
def test_the_outbox_shows_the_text_of_a_message_whose_source_the_viewer_may_see(
    demo, user, actor, client_for
):
    from samlad.notices.models import Category
    from samlad.notices.services.notices import publish_notice

    publish_notice(
        by=user("polisen.kontakt"),
        headline="Förhöjd hotbild mot vattenverk",
        text="Bevakning förstärks.",
        category=Category.objects.get(slug="sakerhet"),
        classification="restricted",
        shared_with=[actor("stockholm")],
    )
    html = client_for("polisen.kontakt").get(reverse("notify:outbox")).content.decode()
    assert "Bevakning förstärks" in html


@pytest.mark.django_db
def test_the_outbox_hides_a_confidential_meetings_message_from_an_administrator_outside_it(
    user, actor, client_for
):
    from samlad.activation.models import Forum
    from samlad.core.models import ConfidentialRead
    from samlad.meetings import services

    meeting = services.create_meeting(
        by=user("rsib"),
        forum=Forum.objects.get(slug="regionala-samordningsgruppen"),
        starts_at=timezone.now() + datetime.timedelta(days=1),
        title="Skydd av objekt X",
        classification="confidential",
        osl_reference="OSL 18 kap. 13 §",
        shared_with=[actor("polisen")],
    )
    _message_about(
        meeting.topic,
        to=user("polisen.kontakt"),
        subject="Inbjudan: Skydd av objekt X",
        text="Samling vid objekt X kl. 16.",
    )
    outsider = user("nacka.kontakt")
    outsider.is_superuser = True  # a platform administrator of an actor outside the meeting
    outsider.save(update_fields=["is_superuser"])
    html = client_for("nacka.kontakt").get(reverse("notify:outbox")).content.decode()
    assert "Samling vid objekt X" not in html
    assert "Skydd av objekt X" not in html
    assert "Ett meddelande om en uppgift med sekretess som du inte får se" in html
    assert not ConfidentialRead.objects.filter(user=outsider).exists()
