"""Creating, changing, closing and reopening events."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.core import access, live, log
from samlad.core.errors import NotPermitted
from samlad.core.search import search_text
from samlad.events import rules
from samlad.events.geo import validate_area
from samlad.events.models import Event, EventStatus

EDITABLE = [
    "title",
    "description",
    "event_type",
    "mode",
    "is_exercise",
    "lead_actor",
    "place",
    "area",
    "starts_at",
    "ends_at",
    "classification",
    "osl_reference",
]

# The allowed status changes (STYLE.md rule 16).
TRANSITIONS = {
    EventStatus.OPEN: {EventStatus.CLOSED},
    EventStatus.CLOSED: {EventStatus.OPEN},
}


def topic(event: Event) -> str:
    """The live-update topic of an event page."""
    return f"event:{event.public_id}"


def _snapshot(event: Event) -> dict:
    return {
        "title": event.title,
        "event_type": event.event_type.slug,
        "mode": event.mode,
        "is_exercise": event.is_exercise,
        "status": event.status,
        "lead_actor": event.lead_actor.slug if event.lead_actor_id else None,
        "place": event.place,
        "area": event.area,
        "starts_at": event.starts_at.isoformat(),
        "ends_at": event.ends_at.isoformat() if event.ends_at else None,
        "classification": event.classification,
    }


def _validate(event: Event) -> None:
    errors = {}
    if not event.title.strip():
        errors["title"] = _("Give the event a title.")
    if event.ends_at and event.ends_at < event.starts_at:
        errors["ends_at"] = _("The event cannot end before it starts.")
    if event.classification == "confidential" and not event.osl_reference.strip():
        errors["osl_reference"] = _("Give the secrecy provision for confidential information.")
    try:
        event.area = validate_area(event.area)
    except ValidationError as exc:
        errors["area"] = exc.messages
    if errors:
        raise ValidationError(errors)
    event.search_text = search_text(
        event.title, event.description, event.place, event.event_type.name_sv
    )


def _share(event: Event, shared_with, affected_actors) -> None:
    """An event is shared with the actors named, the affected actors and the lead actor."""
    event.affected_actors.set(affected_actors)
    actors = set(shared_with) | set(affected_actors)
    if event.lead_actor_id:
        actors.add(event.lead_actor)
    event.shared_with.set(actors)


@transaction.atomic
def create_event(
    *,
    by: User,
    title: str,
    event_type,
    starts_at=None,
    description: str = "",
    mode: str = "ordinary",
    is_exercise: bool = False,
    lead_actor=None,
    affected_actors=(),
    place: str = "",
    area=None,
    ends_at=None,
    classification: str = "open",
    shared_with=(),
    osl_reference: str = "",
) -> Event:
    """Register an event, ongoing or planned ahead. Any member of the network may."""
    if not access.is_network_member(by):
        raise NotPermitted(_("Only members of the network register events."))
    event = Event(
        title=title.strip(),
        description=description,
        event_type=event_type,
        mode=mode,
        is_exercise=is_exercise,
        lead_actor=lead_actor,
        place=place.strip(),
        area=area,
        starts_at=starts_at or timezone.now(),
        ends_at=ends_at,
        classification=classification,
        osl_reference=osl_reference,
        owner_actor=by.actor,
        created_by=by,
    )
    _validate(event)
    event.full_clean(exclude=["search_text"])
    event.save()
    _share(event, shared_with, affected_actors)
    log.record(
        by=by, action="event.created", target=event, summary=event.title, after=_snapshot(event)
    )
    live.publish(topic=topic(event), kind="event", obj=event)
    return event


def _locked_for_change(by: User, event: Event) -> Event:
    if not rules.can_view_event(by, event):
        raise NotPermitted(_("No such event."))
    if not rules.can_manage_event(by, event):
        raise NotPermitted(
            _("Only the registering actor, the lead actor, TiB and RSIB change the event.")
        )
    return Event.objects.select_for_update().get(pk=event.pk)


@transaction.atomic
def update_event(
    *, by: User, event: Event, affected_actors=None, shared_with=None, **fields
) -> Event:
    """Change an event's details; the log keeps what it was."""
    event = _locked_for_change(by, event)
    before = _snapshot(event)
    for field, value in fields.items():
        if field not in EDITABLE:
            raise ValidationError({field: _("This field cannot be changed here.")})
        setattr(event, field, value.strip() if isinstance(value, str) else value)
    _validate(event)
    event.full_clean(exclude=["search_text"])
    event.save()
    if affected_actors is not None or shared_with is not None:
        _share(
            event,
            shared_with if shared_with is not None else event.shared_with.all(),
            affected_actors if affected_actors is not None else event.affected_actors.all(),
        )
    old, new = log.changes(before, _snapshot(event))
    if new:
        log.record(
            by=by, action="event.updated", target=event, summary=event.title, before=old, after=new
        )
        live.publish(topic=topic(event), kind="event", obj=event)
    return event


def _move(*, by: User, event: Event, to: str) -> Event:
    event = _locked_for_change(by, event)
    if to not in TRANSITIONS[event.status]:
        raise ValidationError(
            _("The event is already %(status)s.") % {"status": event.get_status_display().lower()}
        )
    before = event.status
    event.status = to
    if to == EventStatus.CLOSED and event.ends_at is None:
        event.ends_at = timezone.now()
    event.save(update_fields=["status", "ends_at", "updated_at"])
    log.record(
        by=by,
        action=f"event.{to}",
        target=event,
        summary=event.title,
        before={"status": before},
        after={"status": to},
    )
    live.publish(topic=topic(event), kind="event", obj=event)
    return event


@transaction.atomic
def close_event(*, by: User, event: Event) -> Event:
    """Close an event: it stays readable, nothing more is reported into it."""
    return _move(by=by, event=event, to=EventStatus.CLOSED)


@transaction.atomic
def reopen_event(*, by: User, event: Event) -> Event:
    """Reopen a closed event."""
    return _move(by=by, event=event, to=EventStatus.OPEN)
