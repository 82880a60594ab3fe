"""The event's log book (händelselogg): append-only, corrections are new entries."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.core import live
from samlad.core.errors import NotPermitted
from samlad.core.search import search_text
from samlad.events import rules
from samlad.events.models import EntryKind, Event, LogBookEntry
from samlad.events.services.events import topic


def _next_number(event: Event) -> int:
    last = (
        LogBookEntry.objects.filter(event=event)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    return (last or 0) + 1


@transaction.atomic
def add_samlad_entry(*, event: Event, on_behalf_of, text: str) -> LogBookEntry:
    """A line Samlad itself writes in the log book (no author), on behalf of an actor: e.g.
    that a warning the event was made from was updated. The callers decide it is due."""
    Event.objects.select_for_update().filter(pk=event.pk).first()
    entry = LogBookEntry(
        event=event,
        number=_next_number(event),
        at=timezone.now(),
        kind=EntryKind.INFORMATION,
        text=text.strip(),
        author=None,
        author_actor=on_behalf_of,
        search_text=search_text(text, on_behalf_of.name),
    )
    entry.save()
    live.publish(topic=topic(event), kind="log", obj=entry)
    return entry


@transaction.atomic
def add_log_entry(
    *, by: User, event: Event, kind: str, text: str, at=None, corrects: LogBookEntry | None = None
) -> LogBookEntry:
    """Write a line in the log book. Anyone who can see the event may. `at` is when it happened
    (default now); a correction names the entry it corrects, which stays as it was."""
    if not rules.can_view_event(by, event):
        raise NotPermitted(_("No such event."))
    text = (text or "").strip()
    errors = {}
    if not text:
        errors["text"] = _("Write what happened.")
    if kind not in EntryKind.values:
        errors["kind"] = _("Choose information, decision, action or contact.")
    if corrects is not None and corrects.event_id != event.pk:
        errors["corrects"] = _("The corrected entry belongs to another event.")
    if at is not None and at > timezone.now() + timedelta(minutes=5):
        errors["at"] = _("A log book entry cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    Event.objects.select_for_update().filter(pk=event.pk).first()
    entry = LogBookEntry(
        event=event,
        number=_next_number(event),
        at=at or timezone.now(),
        kind=kind,
        text=text,
        author=by,
        author_actor=by.actor,
        corrects=corrects,
        search_text=search_text(text, by.actor.name),
    )
    entry.save()
    live.publish(topic=topic(event), kind="log", obj=entry)
    return entry
