"""Meeting invitations as iCalendar (RFC 5545 / iTIP RFC 5546), for Outlook and the like:
METHOD:REQUEST for the invitation and every change (a higher SEQUENCE replaces the earlier one in
the recipient's calendar), METHOD:CANCEL when the meeting is cancelled. The conference line is in
the location and the description, so it is one tap away on a phone."""

from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, vCalAddress, vText
from icalendar import Event as CalendarEvent

from samlad.actors.phones import for_display
from samlad.meetings.models import Meeting

PRODID = "-//Samlad//Samverkan Stockholmsregionen//SV"


def uid(meeting: Meeting) -> str:
    return meeting.calendar_uid or f"{meeting.public_id}@samlad"


def line(meeting: Meeting) -> str:
    """How to join: the conference bridge with its PIN, and/or the Rakel talk group."""
    parts = []
    if meeting.bridge_number:
        bridge = _("Conference bridge %(number)s") % {"number": for_display(meeting.bridge_number)}
        if meeting.bridge_pin:
            bridge += ", " + _("PIN %(pin)s") % {"pin": meeting.bridge_pin}
        parts.append(bridge)
    if meeting.rakel_talk_group:
        parts.append(_("Rakel talk group %(group)s") % {"group": meeting.rakel_talk_group})
    if meeting.place:
        parts.append(meeting.place)
    return "; ".join(parts)


def _description(meeting: Meeting, agenda: list[str], url: str) -> str:
    lines = [str(meeting), ""]
    joining = line(meeting)
    if joining:
        lines += [_("Join: %(line)s") % {"line": joining}]
        if meeting.bridge_number:
            dial = meeting.bridge_number + (
                f",,{meeting.bridge_pin}#" if meeting.bridge_pin else ""
            )
            lines += [_("Dial in one step: %(dial)s") % {"dial": dial}]
        lines.append("")
    if agenda:
        lines.append(_("Agenda:"))
        lines += [f"{number}. {title}" for number, title in enumerate(agenda, start=1)]
        lines.append("")
    lines.append(url)
    return "\n".join(lines)


def _organizer() -> vCalAddress:
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = vCalAddress(f"mailto:{address or 'samlad@localhost'}")
    organizer.params["cn"] = vText(name or "Samlad")
    return organizer


def _attendee(email: str, name: str) -> vCalAddress:
    attendee = vCalAddress(f"mailto:{email}")
    attendee.params["cn"] = vText(name or email)
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    attendee.params["partstat"] = vText("NEEDS-ACTION")
    attendee.params["rsvp"] = vText("FALSE")
    return attendee


def invitation(
    meeting: Meeting,
    *,
    email: str,
    name: str = "",
    agenda: list[str] = (),
    url: str = "",
    cancel: bool = False,
) -> str:
    """The iCalendar text of the invitation (or its cancellation) for one recipient."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancel else "REQUEST")
    entry = CalendarEvent()
    entry.add("uid", uid(meeting))
    entry.add("sequence", meeting.calendar_sequence)
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", meeting.starts_at)
    entry.add("dtend", meeting.starts_at + timedelta(minutes=meeting.duration_minutes))
    entry.add("summary", str(meeting))
    entry.add("location", line(meeting))
    entry.add("description", _description(meeting, list(agenda), url))
    entry.add("status", "CANCELLED" if cancel else "CONFIRMED")
    entry.add("transp", "OPAQUE")
    if url:
        entry.add("url", url)
    entry["organizer"] = _organizer()
    entry.add("attendee", _attendee(email, name))
    calendar.add_component(entry)
    return calendar.to_ical().decode()


def text_invitation(meeting: Meeting, *, agenda: list[str], url: str, cancel: bool = False) -> str:
    """The e-mail text that goes with the invitation."""
    local = timezone.localtime(meeting.starts_at)
    end = local + timedelta(minutes=meeting.duration_minutes)
    lines = [
        _("The meeting is cancelled.") if cancel else _("You are invited to a meeting."),
        "",
        str(meeting),
        f"{local:%Y-%m-%d %H:%M}–{end:%H:%M}",
    ]
    joining = line(meeting)
    if joining and not cancel:
        lines.append(_("Join: %(line)s") % {"line": joining})
    if agenda and not cancel:
        lines += ["", _("Agenda:")] + [f"{n}. {title}" for n, title in enumerate(agenda, start=1)]
    lines += ["", url]
    return "\n".join(lines)
