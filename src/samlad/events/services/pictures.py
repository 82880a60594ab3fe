"""The consolidated situational picture (samlad lägesbild): one draft per event, compiled by
TiB/RSIB, published as immutable numbered versions."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.core import live, log
from samlad.core.errors import NotPermitted
from samlad.core.search import search_text
from samlad.events import rules
from samlad.events.models import (
    PICTURE_FIELDS,
    ActorReport,
    EntryKind,
    Event,
    PictureDraft,
    PictureVersion,
)
from samlad.events.services.events import topic
from samlad.events.services.logbook import add_log_entry
from samlad.events.signals import post_publish

DRAFT_FIELDS = [*PICTURE_FIELDS, "next_update_at"]


class DraftConflict(Exception):
    """Someone else saved the draft after this editor opened it. Carries what they saved, so the
    editor sees what changed and nothing is silently overwritten."""

    def __init__(self, *, draft: PictureDraft, submitted: dict):
        self.draft = draft
        self.submitted = submitted
        self.changed = [
            name
            for name in DRAFT_FIELDS
            if name in submitted and getattr(draft, name) != submitted[name]
        ]
        super().__init__(_("Someone else saved the draft while you were editing it."))


def _require_compiler(by: User, event: Event) -> None:
    if not rules.can_view_event(by, event):
        raise NotPermitted(_("No such event."))
    if not rules.can_compile_picture(by, event):
        raise NotPermitted(_("Only TiB and RSIB compile the consolidated picture."))


def draft_for(event: Event) -> PictureDraft:
    """The event's draft, created empty on first use."""
    draft, _created = PictureDraft.objects.get_or_create(event=event)
    return draft


@transaction.atomic
def save_picture_draft(*, by: User, event: Event, revision: int, **fields) -> PictureDraft:
    """Save the draft if nobody else has saved it since `revision`; else raise DraftConflict."""
    _require_compiler(by, event)
    unknown = set(fields) - set(DRAFT_FIELDS)
    if unknown:
        raise ValidationError({name: _("This field cannot be changed here.") for name in unknown})
    draft_for(event)
    draft = PictureDraft.objects.select_for_update().get(event=event)
    if draft.revision != revision:
        raise DraftConflict(draft=draft, submitted=fields)
    for name, value in fields.items():
        setattr(draft, name, value.strip() if isinstance(value, str) else value)
    draft.revision += 1
    draft.updated_by = by
    draft.save()
    live.publish(topic=topic(event), kind="draft", obj=event)
    return draft


@transaction.atomic
def publish_picture(*, by: User, event: Event, revision: int) -> PictureVersion:
    """Publish the draft as it stands at `revision` as the next numbered, immutable version."""
    _require_compiler(by, event)
    draft = PictureDraft.objects.select_for_update().filter(event=event).first()
    if draft is None or draft.revision != revision:
        raise DraftConflict(draft=draft or draft_for(event), submitted={})
    if not draft.summary.strip():
        raise ValidationError({"summary": _("Write a summary before publishing.")})
    last = event.picture_versions.order_by("-number").values_list("number", flat=True).first()
    version = PictureVersion(
        event=event,
        number=(last or 0) + 1,
        published_at=timezone.now(),
        published_by=by,
        publishing_actor=by.actor,
        search_text=search_text(*(getattr(draft, name) for name in PICTURE_FIELDS)),
        **{name: getattr(draft, name) for name in DRAFT_FIELDS},
    )
    version.save()
    version.based_on_reports.set(ActorReport.objects.filter(event=event, is_current=True))
    log.record(
        by=by,
        action="picture.published",
        target=version,
        summary=f"{event.title}: {version.number}",
    )
    live.publish(topic=topic(event), kind="picture", obj=version)
    post_publish.send(sender=PictureVersion, version=version, by=by)
    add_log_entry(
        by=by,
        event=event,
        kind=EntryKind.INFORMATION,
        text=_("Consolidated picture version %(number)s published.") % {"number": version.number},
    )
    return version
