"""The iCalendar invite (RFC 5545, METHOD:REQUEST) attached to a call-out e-mail, so the meeting
lands in Outlook with the bridge, the PIN and the answer link."""

from datetime import timedelta

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from samlad.activation.models import Activation, Recipient
from samlad.activation.texts import exercise_marked, joining_line

CONTENT_TYPE = "text/calendar; method=REQUEST"
FILENAME = "kallelse.ics"


def _organizer_address() -> str:
    address = settings.DEFAULT_FROM_EMAIL
    if "<" in address:
        address = address.split("<", 1)[1].rstrip(">")
    return address.strip()


def _description(activation: Activation, answer_url: str) -> str:
    return "\n".join(
        [
            exercise_marked(activation, activation.reason or activation.forum.name),
            joining_line(activation),
            _("Answer: %(url)s") % {"url": answer_url},
        ]
    )


def invite(activation: Activation, recipient: Recipient, *, answer_url: str) -> str:
    """The invite for one recipient (the attendee and the answer link are theirs)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Samlad//Aktivering//SV")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    event = icalendar.Event()
    event.add("uid", f"{activation.public_id}@samlad")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", activation.meeting_at)
    event.add("dtend", activation.meeting_at + timedelta(minutes=activation.duration_minutes))
    event.add("summary", exercise_marked(activation, activation.forum.name))
    event.add("location", joining_line(activation) or _("Called out by Samlad"))
    event.add("description", _description(activation, answer_url))
    event.add("url", answer_url)
    event.add("status", "CONFIRMED")
    event.add("sequence", 0)
    organizer = icalendar.vCalAddress(f"mailto:{_organizer_address()}")
    organizer.params["cn"] = icalendar.vText("Länsstyrelsen TiB")
    event.add("organizer", organizer)
    attendee = icalendar.vCalAddress(f"mailto:{recipient.email}")
    attendee.params["cn"] = icalendar.vText(recipient.name)
    attendee.params["role"] = icalendar.vText("REQ-PARTICIPANT")
    attendee.params["partstat"] = icalendar.vText("NEEDS-ACTION")
    attendee.params["rsvp"] = icalendar.vText("TRUE")
    event.add("attendee", attendee, encode=0)
    if activation.is_exercise:
        event.add("categories", ["ÖVNING"])
    calendar.add_component(event)
    return calendar.to_ical().decode()


def attachment(activation: Activation, recipient: Recipient, *, answer_url: str) -> dict:
    return {
        "filename": FILENAME,
        "content_type": CONTENT_TYPE,
        "content": invite(activation, recipient, answer_url=answer_url),
    }
