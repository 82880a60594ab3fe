"""The attendance list (närvarolista): it starts from the call-out answers and the host adjusts
it at the roll call (upprop): who attended for which actor, with which function and mandate."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.actors.models import FunctionKind
from samlad.core import log
from samlad.meetings import rules
from samlad.meetings.models import Attendance, AttendanceSource, Meeting, Presence
from samlad.meetings.services.common import locked, minutes_changed, require_minutes_open

# A call-out answer (activation.Answer) as the attendance list first shows it.
PRESENCE_FROM_ANSWER = {
    "attending": Presence.EXPECTED,
    "later": Presence.LATER,
    "not_attending": Presence.DECLINED,
}
EDITABLE = ["name", "email", "function_kind", "mandate", "presence"]


def _answered_recipients(meeting: Meeting):
    from samlad.activation.models import Recipient

    return (
        Recipient.objects.filter(activation=meeting.activation_id)
        .exclude(answer="")
        .select_related("participant__actor", "function", "user")
    )


def take_call_out_answers(meeting: Meeting) -> int:
    """Add everyone who answered the meeting's call-out and is not on the list yet; an answer
    already taken is left as the roll call made it. Returns how many were added."""
    if meeting.activation_id is None:
        return 0
    known = set(
        Attendance.objects.filter(meeting=meeting, recipient__isnull=False).values_list(
            "recipient_id", flat=True
        )
    )
    rows = [
        Attendance(
            meeting=meeting,
            actor=recipient.participant.actor,
            user=recipient.user,
            name=recipient.name,
            email=recipient.email,
            function_kind=recipient.function.kind if recipient.function_id else "",
            presence=PRESENCE_FROM_ANSWER.get(recipient.answer, Presence.EXPECTED),
            source=AttendanceSource.CALL_OUT,
            recipient=recipient,
        )
        for recipient in _answered_recipients(meeting)
        if recipient.pk not in known
    ]
    Attendance.objects.bulk_create(rows)
    return len(rows)


def _clean(values: dict) -> dict:
    values = {
        name: (value.strip() if isinstance(value, str) else value) for name, value in values.items()
    }
    errors = {}
    if values.get("presence") not in (None, *Presence.values):
        errors["presence"] = _("Choose present, absent, joining later or apologies.")
    if values.get("function_kind") not in (None, "", *FunctionKind.values):
        errors["function_kind"] = _("Choose one of the functions.")
    if errors:
        raise ValidationError(errors)
    return values


@transaction.atomic
def refresh_from_call_out(*, by: User, meeting: Meeting) -> int:
    """Take the answers that came in since the list was made."""
    meeting = locked(by, meeting, rules.can_host, _("Only the host calls the roll."))
    require_minutes_open(meeting)
    added = take_call_out_answers(meeting)
    if added:
        minutes_changed(meeting, kind="attendance", obj=meeting)
    return added


@transaction.atomic
def add_attendee(
    *,
    by: User,
    meeting: Meeting,
    actor,
    name: str = "",
    email: str = "",
    function_kind: str = "",
    mandate: str = "",
    presence: str = Presence.PRESENT,
    user=None,
) -> Attendance:
    """Someone who attends for an actor, e.g. a deputy who joined without being called."""
    meeting = locked(by, meeting, rules.can_host, _("Only the host calls the roll."))
    require_minutes_open(meeting)
    if actor is None:
        raise ValidationError({"actor": _("Say which actor they attend for.")})
    values = _clean(
        {
            "name": name,
            "email": email,
            "function_kind": function_kind,
            "mandate": mandate,
            "presence": presence,
        }
    )
    row = Attendance(
        meeting=meeting, actor=actor, user=user, source=AttendanceSource.ROLL_CALL, **values
    )
    row.full_clean()
    row.save()
    log.record(
        by=by, action="meeting.attendee_added", target=meeting, summary=f"{actor.name}: {row.name}"
    )
    minutes_changed(meeting, kind="attendance", obj=row)
    return row


@transaction.atomic
def update_attendee(*, by: User, row: Attendance, **fields) -> Attendance:
    """The roll call: mark who is present, and with which function and mandate."""
    meeting = locked(by, row.meeting, rules.can_host, _("Only the host calls the roll."))
    require_minutes_open(meeting)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError({name: _("This field cannot be changed here.") for name in unknown})
    row = Attendance.objects.select_for_update().get(pk=row.pk)
    before = {name: getattr(row, name) for name in fields}
    for name, value in _clean(fields).items():
        setattr(row, name, value)
    row.full_clean()
    row.save()
    after = {name: getattr(row, name) for name in fields}
    old, new = log.changes(before, after)
    if new:
        log.record(
            by=by,
            action="meeting.roll_call",
            target=meeting,
            summary=row.actor.name,
            before=old,
            after=new,
        )
        minutes_changed(meeting, kind="attendance", obj=row)
    return row
