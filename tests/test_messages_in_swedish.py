"""Issue 12 item 6: every message Samlad sends (e-mail and SMS, every app) reads in Swedish.
The messages are made by the real flows (call-out, requests and decisions, not reached, notices
and their digest, meeting invitations, account invitations and password resets) and searched
for the English source text of any translated string ("Anslut via: Conference bridge 08-…")."""

import re
from datetime import timedelta
from pathlib import Path

import polib
from django.core import mail
from django.utils import timezone

from samlad.accounts.models import User
from samlad.activation import services as activation
from samlad.activation.models import Forum
from samlad.actors.models import Actor, FunctionKind
from samlad.administration.invitations import send_invitation
from samlad.events import services as events
from samlad.events.models import EventType
from samlad.meetings import services as meetings
from samlad.notices.models import Category
from samlad.notices.services.digests import send_digests
from samlad.notices.services.notices import publish_notice
from samlad.notify.models import Delivery

SOURCE = Path(__file__).resolve().parent.parent / "src"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def english_fragments() -> set[str]:
    """The English source text of every string translated to something else, cut at its
    placeholders, kept where a piece is long enough to mean something (two words or more)."""
    fragments = set()
    for path in SOURCE.rglob("locale/sv/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(path)).translated_entries():
            if entry.msgstr == entry.msgid:
                continue
            for piece in PLACEHOLDER.split(entry.msgid):
                piece = piece.strip(" .,:;()\n")
                if len(piece.split()) >= 2 and len(piece) >= 10:
                    fragments.add(piece)
    return fragments


def soon(**delta):
    return (timezone.now() + timedelta(**delta)).replace(second=0, microsecond=0)


def every_kind_of_message(user, actor) -> list[tuple[str, str]]:
    tib = user("tib")
    event = events.create_event(
        by=tib,
        title="Snöoväder Stockholms län",
        event_type=EventType.objects.get(slug="svart-vader"),
        mode="activated",
    )
    # An actor nobody can reach: TiB is alerted.
    lonely = Actor.objects.get(slug="varmdo")
    lonely.functions.get(kind=FunctionKind.CONTACT).assignments.all().delete()
    lonely.functions.get(kind=FunctionKind.CONTACT).contact_points.all().delete()
    asked = activation.file_request(
        by=user("nacka.kontakt"),
        reason="Storm över Saltsjön",
        suggested_forum=Forum.objects.get(slug="regionalt-samordnande-forum"),
    )
    activation.activate_request(
        by=tib,
        activation_request=asked,
        event=event,
        bridge_number="08-465 004 85",
        bridge_pin="4711",
        rakel_talk_group="RSAM-1",
    )
    declined = activation.file_request(by=user("polisen.kontakt"), reason="Demonstration")
    activation.decline_request(by=tib, activation_request=declined, reason="Hanteras lokalt")
    publish_notice(
        by=tib,
        headline="Kraftigt snöfall väntas i natt",
        text="SMHI har utfärdat en gul varning.",
        category=Category.objects.get(slug="vadervarning"),
    )
    send_digests()
    meeting = meetings.create_meeting(
        by=user("rsib"),
        forum=Forum.objects.get(slug="regionala-samordningsgruppen"),
        starts_at=soon(hours=30),
        bridge_number="08-465 004 85",
    )
    meetings.send_invitations(by=tib, meeting=meeting)
    newcomer = User.objects.create(username="ny.person", actor=actor("nacka"), email="ny@x.se")
    send_invitation(by=user("nacka.admin"), user=newcomer)
    texts = [(d.channel, f"{d.subject}\n{d.body}") for d in Delivery.objects.all()]
    texts += [("django-mail", f"{m.subject}\n{m.body}") for m in mail.outbox]
    return texts


def test_every_message_reads_in_swedish(user, actor, client):
    client.post("/konto/losenord/aterstall/", {"email": "nacka.kontakt@demo.samlad.example"})
    sent = every_kind_of_message(user, actor)
    assert {channel for channel, _text in sent} >= {"email", "sms"}
    fragments = english_fragments()
    english = sorted(
        {
            (channel, fragment)
            for channel, text in sent
            for fragment in fragments
            if fragment in text
        }
    )
    assert english == []


def test_the_call_out_names_the_conference_bridge_in_swedish(user):
    called = activation.activate(
        by=user("tib"),
        forum=Forum.objects.get(slug="regionalt-samordnande-forum"),
        reason="Storm",
        bridge_number="08-465 004 85",
    )
    body = Delivery.objects.filter(topic=called.topic, channel="email").first().body
    assert "Anslut via: Telefonkonferens 08-465 004 85" in body
    assert "Conference bridge" not in body
