"""Reads of meetings and what hangs off them, always through the access policy: a meeting is
seen as its classification allows and, when it belongs to an event, only by those who may see
the event too. An action item is seen by whoever sees its meeting, and by its responsible actor."""

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

from samlad.core import access
from samlad.core.errors import NotFound
from samlad.core.models import Classification
from samlad.events.models import Event
from samlad.meetings.models import (
    OPEN_STATUSES,
    ActionItem,
    AgendaItem,
    Attendance,
    Meeting,
    MeetingStatus,
    MinutesVersion,
    RaisedMatter,
    RecordedReport,
)


def _meeting_q(user) -> Q:
    return access.visibility_q(user, Meeting) & (
        Q(event__isnull=True) | Q(event__in=access.visible_ids(Event, user))
    )


def visible_meeting_ids(user) -> QuerySet:
    """The ids of the meetings the user may see, as a subquery to filter other records by."""
    return Meeting.objects.filter(_meeting_q(user)).values("pk")


def visible_meetings(user, *, forum=None, status: str | None = None) -> QuerySet:
    """The meetings `user` may see, soonest first."""
    meetings = Meeting.objects.filter(_meeting_q(user)).select_related(
        "forum", "event", "owner_actor", "activation"
    )
    if forum is not None:
        meetings = meetings.filter(forum=forum)
    if status in MeetingStatus.values:
        meetings = meetings.filter(status=status)
    return meetings.order_by("starts_at", "id")


def _one(queryset: QuerySet, public_id):
    try:
        found = queryset.filter(public_id=public_id).first()
    except (ValueError, TypeError, ValidationError):
        found = None
    if found is None:
        raise NotFound
    return found


def meeting_for(user, *, public_id, via: str | None = "page") -> Meeting:
    """One meeting `user` may see, or NotFound (also for malformed ids). A confidential one's
    read is logged (`via`), except where nothing of it is shown (None)."""
    meeting = _one(visible_meetings(user), public_id)
    if via:
        access.note_reads(user, [meeting], via=via)
    return meeting


def agenda(meeting: Meeting) -> list[AgendaItem]:
    """The items on the agenda, in order (removed ones left out)."""
    return list(
        AgendaItem.objects.filter(meeting=meeting, removed_at__isnull=True)
        .select_related(
            "notes_updated_by", "raised_matter__source_meeting__forum", "raised_matter__source_item"
        )
        .order_by("position", "id")
    )


def agenda_item(meeting: Meeting, *, public_id) -> AgendaItem:
    """An item on the meeting's agenda by public id; NotFound if it is not there or was removed."""
    return _one(AgendaItem.objects.filter(meeting=meeting, removed_at__isnull=True), public_id)


def attendance(meeting: Meeting) -> list[Attendance]:
    """The meeting's attendance list, sorted by actor, then name."""
    return list(
        Attendance.objects.filter(meeting=meeting)
        .select_related("actor")
        .order_by("actor__name", "name", "id")
    )


def attendance_row(meeting: Meeting, *, public_id) -> Attendance:
    """One row of the meeting's attendance list by public id; NotFound if it belongs to another
    meeting.
    """
    return _one(Attendance.objects.filter(meeting=meeting), public_id)


def actions_of(meeting: Meeting) -> list[ActionItem]:
    """The action items and decisions agreed in this meeting (the caller has checked it)."""
    return list(
        ActionItem.objects.filter(meeting=meeting)
        .select_related("actor", "agenda_item")
        .order_by("id")
    )


def _action_q(user) -> Q:
    """Visible through the meeting, or to the responsible actor (a confidential meeting's item
    only to those of its users who may read confidential information)."""
    if not access.is_network_member(user):
        return Q(pk__in=[])
    own = Q(actor_id=user.actor_id)
    if not user.can_read_confidential:
        own &= ~Q(meeting__classification=Classification.CONFIDENTIAL)
    return Q(meeting__in=visible_meeting_ids(user)) | own


def visible_actions(user, *, actor=None, open_only: bool = False) -> QuerySet:
    """The action items `user` may see, the most urgent first."""
    items = ActionItem.objects.filter(_action_q(user)).select_related(
        "actor", "meeting__forum", "meeting__event"
    )
    if actor is not None:
        items = items.filter(actor=actor)
    if open_only:
        items = items.filter(status__in=OPEN_STATUSES)
    return items.order_by("status", "due_at", "id")


def own_actions(user, *, open_only: bool = True) -> list[ActionItem]:
    """The user's own actor's action items across forums and events."""
    if not access.is_network_member(user):
        return []
    items = list(visible_actions(user, actor=user.actor, open_only=open_only))
    visible = set(
        visible_meeting_ids(user)
        .filter(pk__in={item.meeting_id for item in items})
        .values_list("pk", flat=True)
    )
    for item in items:
        item.meeting_visible = item.meeting_id in visible
    return items


def action_for(user, *, public_id) -> ActionItem:
    """The action item with this public id if the user may see it; NotFound otherwise."""
    return _one(visible_actions(user), public_id)


def action_visible(user, item: ActionItem) -> bool:
    """Whether the user may see this action item."""
    return ActionItem.objects.filter(_action_q(user), pk=item.pk).exists()


_RANK = {Classification.OPEN: 0, Classification.RESTRICTED: 1, Classification.CONFIDENTIAL: 2}


def _actors_of(meeting: Meeting) -> set[int]:
    return {meeting.owner_actor_id, *meeting.shared_with.values_list("pk", flat=True)}


def reaches_everyone_of(earlier: Meeting, meeting: Meeting) -> bool:
    """Whether everyone who may see `meeting` may also see `earlier`: only then do the earlier
    meeting's action items belong in this meeting's minutes."""
    if earlier.classification != Classification.OPEN:
        if _RANK[earlier.classification] > _RANK[meeting.classification]:
            return False
        if not _actors_of(meeting) <= _actors_of(earlier):
            return False
    if earlier.event_id in (None, meeting.event_id):
        return True
    return earlier.event.classification == Classification.OPEN


def follow_up_candidates(meeting: Meeting) -> list[ActionItem]:
    """Open items of the forum's earlier meetings that this meeting's audience may see."""
    items = (
        ActionItem.objects.filter(
            meeting__forum_id=meeting.forum_id,
            meeting__starts_at__lt=meeting.starts_at,
            status__in=OPEN_STATUSES,
        )
        .exclude(meeting__status=MeetingStatus.CANCELLED)
        .select_related("actor", "meeting__event", "meeting__forum")
        .order_by("meeting__starts_at", "id")
    )
    return [item for item in items if reaches_everyone_of(item.meeting, meeting)]


def follow_up_items(meeting: Meeting) -> list[ActionItem]:
    """What this meeting follows up: the earlier meetings' open items, and those it closed."""
    items = {item.pk: item for item in follow_up_candidates(meeting)}
    closed_here = (
        ActionItem.objects.filter(updates__meeting=meeting)
        .exclude(meeting=meeting)
        .select_related("actor", "meeting__event", "meeting__forum")
    )
    for item in closed_here:
        items.setdefault(item.pk, item)
    return sorted(items.values(), key=lambda item: (item.meeting.starts_at, item.pk))


def recorded_reports(user, meeting: Meeting) -> list[RecordedReport]:
    """The actor reports recorded in this meeting, as far as `user` may see them."""
    rows = RecordedReport.objects.filter(meeting=meeting).select_related("report__owner_actor")
    from samlad.events.models import ActorReport

    visible = set(
        access.visible_to(
            ActorReport.objects.filter(recorded_in__meeting=meeting), user
        ).values_list("pk", flat=True)
    )
    return [row for row in rows.order_by("at", "id") if row.report_id in visible]


def raised_from(meeting: Meeting) -> list[RaisedMatter]:
    """The matters raised from this meeting to other forums, in the order they were raised."""
    return list(
        RaisedMatter.objects.filter(source_meeting=meeting)
        .select_related("to_forum", "source_item", "agenda_item__meeting")
        .order_by("created_at", "id")
    )


def matter_history(matter: RaisedMatter) -> list[dict]:
    """Where a matter came from, oldest first: each meeting and item it passed through."""
    steps = []
    seen = set()
    while matter is not None and matter.pk not in seen:
        seen.add(matter.pk)
        source = matter.source_meeting
        item = matter.source_item
        steps.append({"meeting": source, "item": item, "matter": matter})
        matter = getattr(item, "raised_matter", None) if item is not None else None
    return list(reversed(steps))


def minutes_versions(meeting: Meeting) -> QuerySet:
    """The approved versions of a meeting's minutes, newest first."""
    return (
        MinutesVersion.objects.filter(meeting=meeting)
        .select_related("approved_by", "approving_actor")
        .order_by("-number")
    )


def minutes_version(meeting: Meeting, *, number: int) -> MinutesVersion:
    """One approved version of a meeting's minutes by its number; NotFound if there is none."""
    version = minutes_versions(meeting).filter(number=number).first()
    if version is None:
        raise NotFound
    return version


def activations_without_meeting(user) -> list:
    """Open activations whose meeting has not been opened yet (for those who plan meetings)."""
    from samlad.activation.models import Activation

    if not access.is_network_member(user):
        return []
    return list(
        Activation.objects.filter(status="open", meetings__isnull=True)
        .select_related("forum", "event")
        .annotate(event_shown=access.sees_linked(user, Event, "event"))
        .order_by("meeting_at", "id")[:20]
    )
