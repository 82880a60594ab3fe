"""Display helpers for the meeting pages: labels of the stored codes in approved minutes (which
are plain data), the conference line as people dial it, and the EXERCISE marking."""

from django import template
from django.utils.translation import gettext as _

from samlad.actors.phones import for_display
from samlad.meetings.models import ActionStatus, Presence

register = template.Library()


@register.filter
def action_status(code: str) -> str:
    return ActionStatus(code).label if code in ActionStatus.values else code


@register.filter
def presence(code: str) -> str:
    return Presence(code).label if code in Presence.values else code


@register.filter
def phone(e164: str) -> str:
    """A stored number as Swedes read it (08-465 004 80)."""
    return for_display(e164) if e164 else ""


@register.filter
def dial(meeting) -> str:
    """A tel: link that dials the bridge and enters the PIN (comma = pause)."""
    if not meeting.bridge_number:
        return ""
    pin = f",,{meeting.bridge_pin}%23" if meeting.bridge_pin else ""
    return f"tel:{meeting.bridge_number}{pin}"


@register.filter
def marked(meeting) -> str:
    """The title, with EXERCISE in front for an exercise."""
    exercise = _("EXERCISE")
    return f"{exercise} – {meeting.title}" if meeting.is_exercise else meeting.title
