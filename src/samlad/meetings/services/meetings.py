"""Planning, changing, starting, ending and cancelling meetings."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.activation.conference_line import line_errors
from samlad.core import access, live, log
from samlad.core.models import Classification
from samlad.meetings import agendas, rules
from samlad.meetings.models import AgendaItem, Meeting, MeetingStatus
from samlad.meetings.services import attendance, invitations, matters
from samlad.meetings.services.common import locked, require

# Fields a host may change after planning; a change to the first ones is sent to the invited.
CALENDAR_FIELDS = [
    "title",
    "starts_at",
    "duration_minutes",
    "bridge_number",
    "bridge_pin",
    "rakel_talk_group",
    "place",
]

# The allowed status changes (STYLE.md rule 16). An ended meeting may be resumed.
TRANSITIONS = {
    MeetingStatus.PLANNED: {MeetingStatus.RUNNING, MeetingStatus.CANCELLED},
    MeetingStatus.RUNNING: {MeetingStatus.ENDED},
    MeetingStatus.ENDED: {MeetingStatus.RUNNING},
    MeetingStatus.CANCELLED: set(),
}


def _snapshot(meeting: Meeting) -> dict:
    values = {name: getattr(meeting, name) for name in CALENDAR_FIELDS}
    values["starts_at"] = meeting.starts_at.isoformat()
    return values | {"status": meeting.status, "classification": meeting.classification}


def default_title(forum, starts_at: datetime) -> str:
    """A meeting's title when none is given: the forum's name and its day (Stockholm time)."""
    return f"{forum.name} {date_format(timezone.localtime(starts_at), 'Y-m-d')}"


def _validate(meeting: Meeting) -> None:
    errors = {}
    meeting.title = meeting.title.strip()
    if not meeting.title:
        errors["title"] = _("Give the meeting a title.")
    errors |= line_errors(meeting)
    if not 5 <= (meeting.duration_minutes or 0) <= 24 * 60:
        errors["duration_minutes"] = _("A meeting lasts between 5 minutes and 24 hours.")
    if meeting.classification == Classification.CONFIDENTIAL and not meeting.osl_reference.strip():
        errors["osl_reference"] = _("Give the secrecy provision for confidential information.")
    if errors:
        raise ValidationError(errors)


def _from_activation(activation, values: dict) -> dict:
    """An activated meeting takes its forum, time, line and event from the activation."""
    return {
        "forum": activation.forum,
        "starts_at": values["starts_at"] or activation.meeting_at,
        "duration_minutes": values["duration_minutes"] or activation.duration_minutes,
        "bridge_number": values["bridge_number"] or activation.bridge_number,
        "bridge_pin": values["bridge_pin"] or activation.bridge_pin,
        "rakel_talk_group": values["rakel_talk_group"] or activation.rakel_talk_group,
        "event": values["event"] or activation.event,
        "is_exercise": values["is_exercise"] or activation.is_exercise,
    }


def _from_forum(forum, values: dict) -> dict:
    """Otherwise the forum's own conference line and meeting length."""
    return {
        "duration_minutes": values["duration_minutes"] or forum.duration_minutes,
        "bridge_number": values["bridge_number"] or forum.bridge_number,
        "bridge_pin": values["bridge_pin"] or forum.bridge_pin,
        "rakel_talk_group": values["rakel_talk_group"] or forum.rakel_talk_group,
    }


def _is_activated(forum, activation) -> bool:
    if activation is not None and activation.kind == "activated":
        return True
    return forum.mode == "activated"


def _access_from(event, classification, shared_with, osl_reference) -> tuple:
    """A meeting about an event is as closed as the event unless told otherwise."""
    if classification is None:
        classification = event.classification if event is not None else Classification.OPEN
        if event is not None and shared_with is None:
            shared_with = list(event.shared_with.all())
            osl_reference = osl_reference or event.osl_reference
    return classification, list(shared_with or ()), osl_reference


def _completed(given: dict, *, activation) -> dict:
    """What a new meeting was given, completed from its activation (if any), then its forum."""
    values = dict(given)
    if activation is not None:
        if given["forum"] is not None and given["forum"].pk != activation.forum_id:
            raise ValidationError({"forum": _("The activation convened another forum.")})
        values |= _from_activation(activation, values)
    if values["forum"] is None:
        raise ValidationError({"forum": _("Choose the forum that meets.")})
    if values["starts_at"] is None:
        raise ValidationError({"starts_at": _("Give the time the meeting starts.")})
    return values | _from_forum(values["forum"], values)


def _unsaved(by: User, values: dict, *, activation, title: str, place: str) -> Meeting:
    """The planned meeting, not yet checked or saved. The first meeting of an activation keeps
    the activation's calendar UID, so the invitation already sent is updated, not doubled."""
    forum, event = values["forum"], values["event"]
    fields = {name: value for name, value in values.items() if name != "is_exercise"}
    meeting = Meeting(
        **fields,
        activation=activation,
        title=title.strip() or default_title(forum, values["starts_at"]),
        place=place.strip(),
        is_activated=_is_activated(forum, activation),
        is_exercise=values["is_exercise"] or bool(event and event.is_exercise),
        owner_actor=forum.host_actor or by.actor,
        created_by=by,
    )
    if activation is not None and not activation.meetings.exists():
        meeting.calendar_uid = f"{activation.public_id}@samlad"
    return meeting


@transaction.atomic
def create_meeting(
    *,
    by: User,
    forum=None,
    activation=None,
    event=None,
    starts_at=None,
    title: str = "",
    duration_minutes: int | None = None,
    bridge_number: str = "",
    bridge_pin: str = "",
    rakel_talk_group: str = "",
    place: str = "",
    is_exercise: bool = False,
    classification: str | None = None,
    shared_with=None,
    osl_reference: str = "",
) -> Meeting:
    """Plan a meeting of a forum, or the meeting of an activation. Its agenda starts from the
    forum's standing agenda (the model's agenda in activated mode), with the follow-up of open
    action items and the matters raised to the forum; the roll call starts from the call-out."""
    require(
        rules.can_plan_meetings(by), _("TiB, RSIB, RKK and the coordination office plan meetings.")
    )
    given = {
        "forum": forum,
        "event": event,
        "starts_at": starts_at,
        "duration_minutes": duration_minutes,
        "bridge_number": bridge_number,
        "bridge_pin": bridge_pin,
        "rakel_talk_group": rakel_talk_group,
        "is_exercise": is_exercise,
    }
    values = _completed(given, activation=activation)
    event = values["event"]
    if event is not None and not access.can_view(by, event):
        raise ValidationError({"event": _("No such event.")})
    meeting = _unsaved(by, values, activation=activation, title=title, place=place)
    classification, shared, osl = _access_from(event, classification, shared_with, osl_reference)
    meeting.classification, meeting.osl_reference = classification, osl.strip()
    _validate(meeting)
    _save_planned(meeting, by=by, shared_with=shared)
    return meeting


def _save_planned(meeting: Meeting, *, by: User, shared_with: list) -> None:
    """Save a checked new meeting with its starting agenda and roll call; log and announce it."""
    meeting.full_clean()
    meeting.save()
    meeting.shared_with.set(shared_with)
    _start_agenda(meeting)
    attendance.take_call_out_answers(meeting)
    log.record(
        by=by,
        action="meeting.planned",
        target=meeting,
        summary=meeting.title,
        after=_snapshot(meeting),
    )
    live.publish(topic=meeting.topic, kind="meeting", obj=meeting)


def _start_agenda(meeting: Meeting) -> None:
    items = agendas.starting_agenda(forum=meeting.forum, activated=meeting.is_activated)
    from samlad.meetings import selectors

    if selectors.follow_up_candidates(meeting) and not any(
        kind == "follow_up" for kind, _title in items
    ):
        position = 1 if items and items[0][0] == "roll_call" else 0
        items.insert(position, ("follow_up", agendas.FOLLOW_UP_TITLE))
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, position=number, kind=kind, title=title)
        for number, (kind, title) in enumerate(items, start=1)
    )
    matters.place_waiting_matters(meeting)


@transaction.atomic
def update_meeting(*, by: User, meeting: Meeting, shared_with=None, **fields) -> Meeting:
    """Change the time, the line or the title; the invited get the change (iCalendar SEQUENCE)."""
    meeting = locked(by, meeting, rules.can_host, _("Only the host changes the meeting."))
    editable = [*CALENDAR_FIELDS, "classification", "osl_reference"]
    before = _snapshot(meeting)
    for name, value in fields.items():
        if name not in editable:
            raise ValidationError({name: _("This field cannot be changed here.")})
        setattr(meeting, name, value.strip() if isinstance(value, str) else value)
    _validate(meeting)
    meeting.full_clean()
    meeting.save()
    if shared_with is not None:
        meeting.shared_with.set(shared_with)
    old, new = log.changes(before, _snapshot(meeting))
    if not new:
        return meeting
    log.record(
        by=by,
        action="meeting.changed",
        target=meeting,
        summary=meeting.title,
        before=old,
        after=new,
    )
    live.publish(topic=meeting.topic, kind="meeting", obj=meeting)
    if set(new) & set(CALENDAR_FIELDS):
        invitations.send_change(meeting)
    return meeting


def _move(*, by: User, meeting: Meeting, to: str) -> Meeting:
    meeting = locked(
        by, meeting, rules.can_host, _("Only the host starts, ends or cancels the meeting.")
    )
    if to not in TRANSITIONS[meeting.status]:
        raise ValidationError(
            _("The meeting is %(status)s.") % {"status": meeting.get_status_display().lower()}
        )
    before = meeting.status
    meeting.status = to
    meeting.save(update_fields=["status", "updated_at"])
    log.record(
        by=by,
        action=f"meeting.{to}",
        target=meeting,
        summary=meeting.title,
        before={"status": before},
        after={"status": to},
    )
    live.publish(topic=meeting.topic, kind="meeting", obj=meeting)
    return meeting


@transaction.atomic
def start_meeting(*, by: User, meeting: Meeting) -> Meeting:
    """The host opens the meeting (or resumes an ended one)."""
    return _move(by=by, meeting=meeting, to=MeetingStatus.RUNNING)


@transaction.atomic
def end_meeting(*, by: User, meeting: Meeting) -> Meeting:
    """The meeting is over; its minutes may still be completed and approved."""
    return _move(by=by, meeting=meeting, to=MeetingStatus.ENDED)


@transaction.atomic
def cancel_meeting(*, by: User, meeting: Meeting) -> Meeting:
    """Cancel a planned meeting; the invited get an iCalendar CANCEL."""
    meeting = _move(by=by, meeting=meeting, to=MeetingStatus.CANCELLED)
    invitations.send_cancellation(meeting)
    return meeting


@transaction.atomic
def book_next_meeting(*, by: User, meeting: Meeting, starts_at) -> Meeting:
    """ "Next meeting": a meeting of the same forum, about the same event, as open as this one."""
    require(rules.can_view_meeting(by, meeting), _("No such meeting."))
    if starts_at <= meeting.starts_at:
        raise ValidationError({"starts_at": _("The next meeting starts after this one.")})
    return create_meeting(
        by=by,
        forum=meeting.forum,
        activation=meeting.activation,
        event=meeting.event,
        starts_at=starts_at,
        duration_minutes=meeting.duration_minutes,
        bridge_number=meeting.bridge_number,
        bridge_pin=meeting.bridge_pin,
        rakel_talk_group=meeting.rakel_talk_group,
        place=meeting.place,
        is_exercise=meeting.is_exercise,
        classification=meeting.classification,
        shared_with=list(meeting.shared_with.all()),
        osl_reference=meeting.osl_reference,
    )


@transaction.atomic
def meeting_for_activation(*, by: User, activation) -> Meeting:
    """The meeting of an activation: the forum's meeting already planned for that time (the
    weekly conference's scheduled call-out), now linked to the call-out, or a new one."""
    require(
        rules.can_plan_meetings(by), _("TiB, RSIB, RKK and the coordination office plan meetings.")
    )
    planned = (
        Meeting.objects.select_for_update()
        .filter(forum=activation.forum, starts_at=activation.meeting_at, activation__isnull=True)
        .exclude(status=MeetingStatus.CANCELLED)
        .first()
    )
    if planned is None or not rules.can_view_meeting(by, planned):
        return create_meeting(by=by, activation=activation)
    planned.activation = activation
    planned.calendar_uid = planned.calendar_uid or f"{activation.public_id}@samlad"
    planned.save(update_fields=["activation", "calendar_uid", "updated_at"])
    attendance.take_call_out_answers(planned)
    log.record(by=by, action="meeting.linked", target=planned, summary=str(activation))
    live.publish(topic=planned.topic, kind="attendance", obj=planned)
    return planned
