"""The catalogue of type events (typhändelser): platform administrators keep it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.core import access, log
from samlad.core.errors import NotPermitted
from samlad.events.models import EventType

EDITABLE = ["slug", "name_sv", "name_en", "is_active"]


def _snapshot(event_type: EventType) -> dict:
    return {name: getattr(event_type, name) for name in EDITABLE}


def _require_platform_admin(by: User) -> None:
    if not access.is_platform_admin(by):
        raise NotPermitted(_("Only platform administrators change the catalogue of event types."))


def _validate(event_type: EventType) -> None:
    errors = {}
    for name in ("name_sv", "name_en"):
        setattr(event_type, name, getattr(event_type, name).strip())
        if not getattr(event_type, name):
            errors[name] = _("Give the type a name.")
    if errors:
        raise ValidationError(errors)
    event_type.full_clean()


@transaction.atomic
def create_event_type(
    *, by: User, slug: str, name_sv: str, name_en: str, is_active: bool = True
) -> EventType:
    """Add a type event to the catalogue."""
    _require_platform_admin(by)
    event_type = EventType(slug=slug, name_sv=name_sv, name_en=name_en, is_active=is_active)
    _validate(event_type)
    event_type.save()
    log.record(
        by=by,
        action="event_type.created",
        target=event_type,
        summary=event_type.name_sv,
        after=_snapshot(event_type),
    )
    return event_type


@transaction.atomic
def update_event_type(*, by: User, event_type: EventType, **fields) -> EventType:
    """Rename a type, or take it out of use (events of that type keep it)."""
    _require_platform_admin(by)
    event_type = EventType.objects.select_for_update().get(pk=event_type.pk)
    before = _snapshot(event_type)
    for name, value in fields.items():
        if name not in EDITABLE:
            raise ValidationError({name: _("This field cannot be changed here.")})
        setattr(event_type, name, value)
    _validate(event_type)
    event_type.save()
    old, new = log.changes(before, _snapshot(event_type))
    if new:
        log.record(
            by=by,
            action="event_type.updated",
            target=event_type,
            summary=event_type.name_sv,
            before=old,
            after=new,
        )
    return event_type
