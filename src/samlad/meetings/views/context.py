"""What the meeting page shows, section by section. Each section is a template partial that
htmx re-fetches (?partial=…) when the live stream says it changed; the same functions feed the
full page, so a section looks the same either way."""

from dataclasses import dataclass

from samlad.activation.selectors import forums_in_use
from samlad.core import live
from samlad.meetings import rules, selectors
from samlad.meetings.forms import (
    ActionForm,
    ActionStatusForm,
    ActorReportForm,
    AgendaItemForm,
    ApproveForm,
    AttendeeForm,
    NextMeetingForm,
    NotesForm,
    PresenceForm,
    RaiseMatterForm,
)
from samlad.meetings.models import AgendaKind, Meeting, MeetingStatus, MinutesState


@dataclass(frozen=True)
class Permissions:
    host: bool
    agenda: bool
    write: bool
    approve: bool
    record: bool

    @classmethod
    def of(cls, user, meeting: Meeting) -> "Permissions":
        editable = meeting.minutes_editable
        return cls(
            host=rules.can_host(user, meeting),
            agenda=editable and rules.can_set_agenda(user, meeting),
            write=editable and rules.can_write_minutes(user, meeting),
            approve=rules.can_approve_minutes(user, meeting),
            record=editable and rules.can_record_actor_report(user, meeting),
        )


def header_context(request, meeting: Meeting) -> dict:
    perms = Permissions.of(request.user, meeting)
    return {
        "perms": perms,
        "latest_version": selectors.minutes_versions(meeting).first(),
        "can_start": perms.host and meeting.status in (MeetingStatus.PLANNED, MeetingStatus.ENDED),
        "can_end": perms.host and meeting.status == MeetingStatus.RUNNING,
        "can_cancel": perms.host and meeting.status == MeetingStatus.PLANNED,
        "can_invite": perms.host and meeting.status == MeetingStatus.PLANNED,
        "can_approve": perms.approve and meeting.minutes_editable,
        "can_revise": perms.approve and meeting.minutes_state == MinutesState.APPROVED,
    }


def notes_form(item) -> NotesForm:
    return NotesForm(initial={"notes": item.notes, "revision": item.revision})


def item_context(
    request, meeting: Meeting, item, *, perms: Permissions, form=None, conflict=None
) -> dict:
    """One agenda item on its own: its notes, the writer's form and what its kind brings along."""
    context = {"item": item, "perms": perms, "opened_revision": item.revision, "conflict": conflict}
    if perms.write:
        context["notes_form"] = form or notes_form(item)
    if item.raised_matter_id:
        context["history"] = selectors.matter_history(item.raised_matter)
    if item.kind == AgendaKind.ACTOR_REPORTS:
        context |= reports_context(request, meeting)
        if perms.record:
            context["report_form"] = ActorReportForm()
    elif item.kind == AgendaKind.FOLLOW_UP:
        context |= follow_up_context(request, meeting)
    elif item.kind == AgendaKind.NEXT_MEETING:
        context["next_meetings"] = _next_meetings(request, meeting)
        if perms.write:
            context["next_form"] = NextMeetingForm()
    return context


def _next_meetings(request, meeting: Meeting):
    return selectors.visible_meetings(request.user, forum=meeting.forum).filter(
        starts_at__gt=meeting.starts_at
    )[:3]


def agenda_context(request, meeting: Meeting) -> dict:
    perms = Permissions.of(request.user, meeting)
    items = selectors.agenda(meeting)
    for item in items:
        if perms.write:
            item.form = notes_form(item)
        if item.raised_matter_id:
            item.history = selectors.matter_history(item.raised_matter)
    kinds = {item.kind for item in items}
    context = {
        "items": items,
        "perms": perms,
        "agenda_revision": meeting.agenda_revision,
        "has_report_item": AgendaKind.ACTOR_REPORTS in kinds,
        "has_follow_up_item": AgendaKind.FOLLOW_UP in kinds,
        "next_meetings": _next_meetings(request, meeting),
    }
    if perms.agenda:
        context["agenda_form"] = AgendaItemForm()
    if perms.write and AgendaKind.NEXT_MEETING in kinds:
        context["next_form"] = NextMeetingForm()
    return context


def attendance_context(request, meeting: Meeting) -> dict:
    perms = Permissions.of(request.user, meeting)
    rows = selectors.attendance(meeting)
    editable = perms.host and meeting.minutes_editable
    for row in rows:
        if editable:
            row.form = PresenceForm(
                initial={
                    "presence": row.presence,
                    "function_kind": row.function_kind,
                    "mandate": row.mandate,
                },
                prefix=f"n{row.pk}",
            )
    return {
        "rows": rows,
        "perms": perms,
        "can_call_roll": editable,
        "attended": sum(r.attended for r in rows),
    }


def actions_context(request, meeting: Meeting) -> dict:
    perms = Permissions.of(request.user, meeting)
    items = selectors.actions_of(meeting)
    for item in items:
        if rules.can_update_action(request.user, item, meeting_visible=True):
            item.form = ActionStatusForm(initial={"status": item.status}, prefix=f"a{item.pk}")
    return {"actions": items, "perms": perms}


def follow_up_context(request, meeting: Meeting) -> dict:
    items = selectors.follow_up_items(meeting)
    user = request.user
    for item in items:
        if rules.can_update_action(user, item, meeting_visible=True):
            item.form = ActionStatusForm(
                initial={"status": item.status, "meeting": meeting.public_id}, prefix=f"a{item.pk}"
            )
    return {"follow_up": items}


def reports_context(request, meeting: Meeting) -> dict:
    return {"recorded": selectors.recorded_reports(request.user, meeting)}


def matters_context(request, meeting: Meeting) -> dict:
    return {"matters": selectors.raised_from(meeting)}


def minutes_context(request, meeting: Meeting) -> dict:
    return {"versions": list(selectors.minutes_versions(meeting))} | header_context(
        request, meeting
    )


def forms_context(request, meeting: Meeting, items, perms: Permissions, **bound) -> dict:
    """The add-forms of the page, unbound unless the view passes a bound one back with errors."""
    forms = {}
    if perms.host and meeting.minutes_editable:
        forms["attendee_form"] = bound.get("attendee_form") or AttendeeForm()
    if perms.write:
        forms["action_form"] = bound.get("action_form") or ActionForm(items=items)
    if perms.record:
        forms["report_form"] = bound.get("report_form") or ActorReportForm()
    if rules.can_write_minutes(request.user, meeting):
        forms["matter_form"] = bound.get("matter_form") or RaiseMatterForm(
            forums=other_forums(meeting), items=items
        )
    return forms


def other_forums(meeting: Meeting) -> list:
    """Where a matter may go: the coordination group and the chief group first (Example 1)."""
    forums = list(forums_in_use().exclude(pk=meeting.forum_id))
    first = {"regionala-samordningsgruppen": 0, "regionala-chefsgruppen": 1}
    return sorted(forums, key=lambda forum: (first.get(forum.slug, 2), forum.name))


def page_context(request, meeting: Meeting, **bound) -> dict:
    """Everything the meeting page shows. The live stream starts after the last change as of
    now, read first so nothing that happens while the page renders is missed."""
    change_id = live.latest_change_id(meeting.topic)
    context = {"meeting": meeting, "change_id": change_id}
    context |= header_context(request, meeting)
    context |= agenda_context(request, meeting)
    context |= attendance_context(request, meeting)
    context |= actions_context(request, meeting)
    context |= follow_up_context(request, meeting)
    context |= reports_context(request, meeting)
    context |= matters_context(request, meeting)
    context["versions"] = list(selectors.minutes_versions(meeting))
    context |= forms_context(request, meeting, context["items"], context["perms"], **bound)
    context["approve_form"] = ApproveForm(initial={"revision": meeting.minutes_revision})
    return context


# Where each section's partial is defined.
PARTIAL_TEMPLATES = {
    "reports": "meetings/_reports_block.html#reports",
    "report_form": "meetings/_reports_block.html#report_form",
    "follow_up": "meetings/_follow_up_block.html#follow_up",
}


def partial_template(name: str) -> str:
    return PARTIAL_TEMPLATES.get(name, f"meetings/detail.html#{name}")


PARTIALS = {
    "header": header_context,
    "attendance": attendance_context,
    "actions": actions_context,
    "follow_up": follow_up_context,
    "reports": reports_context,
    "matters": matters_context,
    "minutes": minutes_context,
}
