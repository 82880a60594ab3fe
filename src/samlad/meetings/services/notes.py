"""The minutes, written live item by item by several writers at once. Each save names the
revision its writer started from; a save against an older one is refused with what the other
writer saved, so nobody overwrites anybody (as with the consolidated picture's draft)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.meetings import rules
from samlad.meetings.models import AgendaItem
from samlad.meetings.services.common import locked, minutes_changed, require_minutes_open

MAX_LENGTH = 20_000


class NotesConflict(Exception):
    """Someone else saved this item's notes after this writer opened them."""

    def __init__(self, *, item: AgendaItem, submitted: str):
        self.item = item
        self.submitted = submitted
        super().__init__(_("Someone else saved this item while you were writing."))


@transaction.atomic
def save_notes(*, by: User, item: AgendaItem, revision: int, notes: str) -> AgendaItem:
    """Save the item's notes if nobody has since `revision`; else raise NotesConflict."""
    meeting = locked(
        by, item.meeting, rules.can_write_minutes, _("Only TiB, RSIB and RKK write the minutes.")
    )
    require_minutes_open(meeting)
    notes = (notes or "").strip()
    if len(notes) > MAX_LENGTH:
        raise ValidationError({"notes": _("Keep the notes of one item under 20,000 characters.")})
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if item.revision != revision:
        raise NotesConflict(item=item, submitted=notes)
    if item.notes == notes:
        return item
    item.notes = notes
    item.revision += 1
    item.notes_updated_at = timezone.now()
    item.notes_updated_by = by
    item.save(
        update_fields=["notes", "revision", "notes_updated_at", "notes_updated_by", "updated_at"]
    )
    minutes_changed(meeting, kind=item.live_kind, obj=item)
    return item
