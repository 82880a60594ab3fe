"""RSIB sets the agenda: adds, removes and reorders items. A removed item leaves the agenda but
keeps whatever the minutes said about it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.core import log
from samlad.meetings import rules
from samlad.meetings.models import AgendaItem, AgendaKind, Meeting
from samlad.meetings.services.common import locked, minutes_changed, require_minutes_open

MESSAGE = _("Only RSIB sets the agenda.")


def _current(meeting: Meeting) -> list[AgendaItem]:
    return list(
        AgendaItem.objects.filter(meeting=meeting, removed_at__isnull=True).order_by(
            "position", "id"
        )
    )


def _renumber(items: list[AgendaItem]) -> None:
    for number, item in enumerate(items, start=1):
        item.position = number
    AgendaItem.objects.bulk_update(items, ["position"])


def agenda_changed(meeting: Meeting, obj) -> None:
    """Counts a change to the agenda, so a stale edit is caught, and tells the open pages."""
    Meeting.objects.filter(pk=meeting.pk).update(agenda_revision=F("agenda_revision") + 1)
    meeting.refresh_from_db(fields=["agenda_revision"])
    minutes_changed(meeting, kind="agenda", obj=obj)


def append_item(
    meeting: Meeting, *, title: str, kind: str = AgendaKind.TOPIC, **extra
) -> AgendaItem:
    """Put an item last on the agenda (the caller has checked and locked the meeting)."""
    last = len(_current(meeting))
    return AgendaItem.objects.create(
        meeting=meeting, position=last + 1, title=title, kind=kind, **extra
    )


@transaction.atomic
def add_item(
    *,
    by: User,
    meeting: Meeting,
    title: str,
    kind: str = AgendaKind.TOPIC,
    position: int | None = None,
) -> AgendaItem:
    """Add an item, last or at `position` (1 = first)."""
    meeting = locked(by, meeting, rules.can_set_agenda, MESSAGE)
    require_minutes_open(meeting)
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Give the item a title.")})
    if len(title) > 200:
        raise ValidationError({"title": _("Keep the title under 200 characters.")})
    if kind not in (
        AgendaKind.TOPIC,
        AgendaKind.DECISIONS,
        AgendaKind.ACTOR_REPORTS,
        AgendaKind.NEXT_MEETING,
    ):
        raise ValidationError(
            {"kind": _("Choose an ordinary item, actor reports, decisions or next meeting.")}
        )
    items = _current(meeting)
    item = AgendaItem.objects.create(
        meeting=meeting, position=len(items) + 1, title=title, kind=kind
    )
    if position is not None:
        items.insert(max(0, min(position - 1, len(items))), item)
        _renumber(items)
    log.record(by=by, action="agenda.item_added", target=meeting, summary=title)
    agenda_changed(meeting, item)
    return item


@transaction.atomic
def remove_item(*, by: User, item: AgendaItem) -> AgendaItem:
    """Take an item off the agenda; its notes stay in the record."""
    meeting = locked(by, item.meeting, rules.can_set_agenda, MESSAGE)
    require_minutes_open(meeting)
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if item.removed_at is not None:
        raise ValidationError(_("The item is already off the agenda."))
    item.removed_at = timezone.now()
    item.save(update_fields=["removed_at", "updated_at"])
    _renumber(_current(meeting))
    log.record(by=by, action="agenda.item_removed", target=meeting, summary=item.title)
    agenda_changed(meeting, item)
    return item


@transaction.atomic
def move_item(*, by: User, item: AgendaItem, to: int) -> AgendaItem:
    """Move an item to position `to` (1 = first); the others close up."""
    meeting = locked(by, item.meeting, rules.can_set_agenda, MESSAGE)
    require_minutes_open(meeting)
    items = _current(meeting)
    if item.pk not in {other.pk for other in items}:
        raise ValidationError(_("The item is not on the agenda."))
    if not 1 <= to <= len(items):
        raise ValidationError(
            {"position": _("Choose a place between 1 and %(last)s.") % {"last": len(items)}}
        )
    items = [other for other in items if other.pk != item.pk]
    items.insert(to - 1, item)
    _renumber(items)
    log.record(by=by, action="agenda.item_moved", target=meeting, summary=f"{item.title} → {to}")
    agenda_changed(meeting, item)
    return item


@transaction.atomic
def reorder(*, by: User, meeting: Meeting, order: list) -> list[AgendaItem]:
    """Put the agenda in the order of `order` (the items' public ids, every item once)."""
    meeting = locked(by, meeting, rules.can_set_agenda, MESSAGE)
    require_minutes_open(meeting)
    items = {str(item.public_id): item for item in _current(meeting)}
    wanted = [str(public_id) for public_id in order]
    if sorted(wanted) != sorted(items):
        raise ValidationError({"order": _("Name every item on the agenda once.")})
    ordered = [items[public_id] for public_id in wanted]
    _renumber(ordered)
    log.record(by=by, action="agenda.reordered", target=meeting)
    agenda_changed(meeting, meeting)
    return ordered
