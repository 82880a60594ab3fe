"""What the minutes (minnesanteckningar) say: the agenda with each item's notes, the attendance
list, the actor reports recorded, the action items and decisions, the follow-up of earlier items
and the matters raised. `content` builds it as plain data: approving stores it as an immutable
version, and the same templates show the working minutes and every approved version."""

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from samlad.meetings import selectors
from samlad.meetings.models import Meeting, RecordedReport

TIMES = ("starts_at", "due_at", "at")


def _when(value) -> str | None:
    return value.isoformat() if value else None


def _item(item) -> dict:
    row = {
        "id": str(item.public_id),
        "number": item.position,
        "title": item.title,
        "kind": item.kind,
        "notes": item.notes,
        "history": [],
    }
    if item.raised_matter_id:
        row["history"] = [
            {
                "forum": step["meeting"].forum.name,
                "meeting_id": str(step["meeting"].public_id),
                "starts_at": _when(step["meeting"].starts_at),
                "item_number": step["item"].position if step["item"] else None,
                "matter": step["matter"].title,
                "description": step["matter"].description,
            }
            for step in selectors.matter_history(item.raised_matter)
        ]
    return row


def _action(item) -> dict:
    return {
        "id": str(item.public_id),
        "kind": item.kind,
        "actor": item.actor.name,
        "text": item.text,
        "due_at": _when(item.due_at),
        "status": item.status,
        "item_number": item.agenda_item.position if item.agenda_item_id else None,
    }


def _follow_up(item) -> dict:
    return _action(item) | {
        "meeting": item.meeting.title,
        "meeting_id": str(item.meeting.public_id),
        "starts_at": _when(item.meeting.starts_at),
        "item_number": None,
    }


def _attendee(row) -> dict:
    return {
        "actor": row.actor.name,
        "name": row.name,
        "function": row.get_function_kind_display() if row.function_kind else "",
        "mandate": row.mandate,
        "presence": row.presence,
        "presence_label": row.get_presence_display(),
    }


def _report(row: RecordedReport) -> dict:
    report = row.report
    return {
        "actor": report.owner_actor.name,
        "version": report.version,
        "situation": report.situation,
        "needs": report.needs,
        "actions_planned": report.actions_planned,
        "communication": report.communication,
        "at": _when(row.at),
    }


def content(meeting: Meeting) -> dict:
    """The minutes as they stand now, as plain data (JSON)."""
    reports = RecordedReport.objects.filter(meeting=meeting).select_related("report__owner_actor")
    return {
        "title": str(meeting),
        "forum": meeting.forum.name,
        "starts_at": _when(meeting.starts_at),
        "duration_minutes": meeting.duration_minutes,
        "is_exercise": meeting.is_exercise,
        "is_activated": meeting.is_activated,
        "classification": meeting.classification,
        "osl_reference": meeting.osl_reference,
        "host": meeting.owner_actor.name,
        "event": {"title": str(meeting.event), "id": str(meeting.event.public_id)}
        if meeting.event_id
        else None,
        "bridge_number": meeting.bridge_number,
        "bridge_pin": meeting.bridge_pin,
        "rakel_talk_group": meeting.rakel_talk_group,
        "items": [_item(item) for item in selectors.agenda(meeting)],
        "attendance": [_attendee(row) for row in selectors.attendance(meeting)],
        "reports": [_report(row) for row in reports.order_by("at", "id")],
        "actions": [_action(item) for item in selectors.actions_of(meeting)],
        "follow_up": [_follow_up(item) for item in selectors.follow_up_items(meeting)],
        "raised": [
            {
                "title": matter.title,
                "to_forum": matter.to_forum.name,
                "item_number": matter.source_item.position if matter.source_item_id else None,
            }
            for matter in selectors.raised_from(meeting)
        ],
    }


def readable(data):
    """`content` with its times turned back into aware datetimes, for the templates."""
    if isinstance(data, list):
        return [readable(value) for value in data]
    if not isinstance(data, dict):
        return data
    out = {}
    for key, value in data.items():
        if key in TIMES and isinstance(value, str):
            parsed = parse_datetime(value)
            out[key] = timezone.localtime(parsed) if parsed else value
        else:
            out[key] = readable(value)
    return out
