"""Every change to actors, their functions and contact points. Platform administrators manage
actors; each actor's contact details are kept by its own permission administrators."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samlad.actors import rules
from samlad.actors.models import (
    COUNTY_BOARD_FUNCTIONS,
    STANDARD_FUNCTIONS,
    Actor,
    ActorKind,
    ContactPoint,
    Function,
    FunctionKind,
)
from samlad.core import access, log
from samlad.core.errors import NotPermitted

ACTOR_FIELDS = [
    "name",
    "slug",
    "kind",
    "membership",
    "designated",
    "municipality_code",
    "description",
]


def _require_platform_admin(by: AbstractUser) -> None:
    if not access.is_platform_admin(by):
        raise NotPermitted(_("Only platform administrators manage the actors of the network."))


def _snapshot(actor: Actor) -> dict:
    return {field: getattr(actor, field) for field in ACTOR_FIELDS + ["is_active"]}


def _check_unique_name_and_slug(actor: Actor) -> None:
    others = Actor.objects.exclude(pk=actor.pk)
    errors = {}
    if others.filter(name__iexact=actor.name).exists():
        errors["name"] = _("Another actor already has this name.")
    if others.filter(slug__iexact=actor.slug).exists():
        errors["slug"] = _("Another actor already has this short name.")
    if errors:
        raise ValidationError(errors)


def ensure_functions(*, actor: Actor) -> list[Function]:
    """Create the functions every actor has (and the county board's own) where missing."""
    kinds = list(STANDARD_FUNCTIONS)
    if actor.kind == ActorKind.COUNTY_BOARD:
        kinds += sorted(COUNTY_BOARD_FUNCTIONS)
    functions = []
    for kind in kinds:
        function, _created = Function.objects.get_or_create(
            actor=actor,
            kind=kind,
            defaults={"staffed_around_the_clock": kind in {FunctionKind.CONTACT, FunctionKind.TIB}},
        )
        functions.append(function)
    return functions


@transaction.atomic
def create_actor(
    *,
    by: AbstractUser,
    name: str,
    slug: str,
    kind: str,
    membership: str = "ordinary",
    designated: bool = False,
    municipality_code: str = "",
    description: str = "",
) -> Actor:
    """Add an organisation to the network, with its standard functions."""
    _require_platform_admin(by)
    actor = Actor(
        name=name.strip(),
        slug=slug.strip().lower(),
        kind=kind,
        membership=membership,
        designated=designated,
        municipality_code=municipality_code.strip(),
        description=description,
    )
    _check_unique_name_and_slug(actor)
    actor.full_clean()
    actor.save()
    ensure_functions(actor=actor)
    log.record(
        by=by, action="actor.created", target=actor, summary=actor.name, after=_snapshot(actor)
    )
    return actor


@transaction.atomic
def update_actor(*, by: AbstractUser, actor: Actor, **fields) -> Actor:
    """Change an actor's registry details."""
    _require_platform_admin(by)
    actor = Actor.objects.select_for_update().get(pk=actor.pk)
    before = _snapshot(actor)
    for field, value in fields.items():
        if field not in ACTOR_FIELDS:
            raise ValidationError({field: _("This field cannot be changed here.")})
        setattr(actor, field, value.strip() if isinstance(value, str) else value)
    _check_unique_name_and_slug(actor)
    actor.full_clean()
    actor.save()
    ensure_functions(actor=actor)
    old, new = log.changes(before, _snapshot(actor))
    if new:
        log.record(
            by=by, action="actor.updated", target=actor, summary=actor.name, before=old, after=new
        )
    return actor


@transaction.atomic
def set_actor_active(*, by: AbstractUser, actor: Actor, active: bool) -> Actor:
    """Take an actor out of the network (its users lose access) or bring it back."""
    _require_platform_admin(by)
    actor = Actor.objects.select_for_update().get(pk=actor.pk)
    if actor.is_active != active:
        actor.is_active = active
        actor.save(update_fields=["is_active", "updated_at"])
        log.record(
            by=by,
            action="actor.activated" if active else "actor.deactivated",
            target=actor,
            summary=actor.name,
            before={"is_active": not active},
            after={"is_active": active},
        )
    return actor


def _require_contact_admin(by: AbstractUser, actor: Actor) -> None:
    if not rules.can_administer_users_of(by, actor):
        raise NotPermitted(
            _("Only the actor's permission administrators keep its contact details.")
        )


def _contact_snapshot(point: ContactPoint) -> dict:
    return {
        "function": point.function.kind if point.function_id else None,
        "channel": point.channel,
        "value": point.value,
        "label": point.label,
        "position": point.position,
        "classification": point.classification,
        "osl_reference": point.osl_reference,
    }


def _check_function(actor: Actor, function: Function | None) -> None:
    if function is not None and function.actor_id != actor.pk:
        raise ValidationError({"function": _("The function belongs to another actor.")})


@transaction.atomic
def add_contact_point(
    *,
    by: AbstractUser,
    actor: Actor,
    channel: str,
    value: str,
    function: Function | None = None,
    label: str = "",
    position: int = 1,
    classification: str = "open",
    osl_reference: str = "",
    shared_with=(),
) -> ContactPoint:
    """Add a number or address at which the actor (or one of its functions) is reached."""
    _require_contact_admin(by, actor)
    _check_function(actor, function)
    point = ContactPoint(
        owner_actor=actor,
        function=function,
        channel=channel,
        value=value,
        label=label,
        position=position,
        classification=classification,
        osl_reference=osl_reference,
    )
    point.full_clean()
    point.save()
    point.shared_with.set(shared_with)
    log.record(
        by=by,
        action="contact_point.created",
        target=point,
        summary=str(actor),
        after=_contact_snapshot(point),
    )
    return point


@transaction.atomic
def update_contact_point(*, by: AbstractUser, point: ContactPoint, **fields) -> ContactPoint:
    """Change a contact point; the log keeps the old value."""
    _require_contact_admin(by, point.owner_actor)
    point = ContactPoint.objects.select_for_update().get(pk=point.pk)
    before = _contact_snapshot(point)
    shared_with = fields.pop("shared_with", None)
    for field, value in fields.items():
        if field not in {
            "function",
            "channel",
            "value",
            "label",
            "position",
            "classification",
            "osl_reference",
        }:
            raise ValidationError({field: _("This field cannot be changed here.")})
        setattr(point, field, value)
    _check_function(point.owner_actor, point.function)
    point.full_clean()
    point.save()
    if shared_with is not None:
        point.shared_with.set(shared_with)
    old, new = log.changes(before, _contact_snapshot(point))
    if new:
        log.record(
            by=by,
            action="contact_point.updated",
            target=point,
            summary=str(point.owner_actor),
            before=old,
            after=new,
        )
    return point


@transaction.atomic
def remove_contact_point(*, by: AbstractUser, point: ContactPoint) -> None:
    """Remove a contact point that is no longer in use; the log keeps what it was."""
    _require_contact_admin(by, point.owner_actor)
    log.record(
        by=by,
        action="contact_point.removed",
        target=point,
        summary=str(point.owner_actor),
        before=_contact_snapshot(point),
    )
    point.delete()


@transaction.atomic
def move_in_call_out_order(*, by: AbstractUser, function: Function, user, up: bool) -> list[str]:
    """Move one person a step up (earlier: called first) or down the function's call-out order;
    returns the user names in the new order."""
    if not rules.can_administer_users_of(by, function.actor):
        raise NotPermitted(_("Only the actor's permission administrators staff its functions."))
    function = Function.objects.select_for_update().get(pk=function.pk)
    assignments = list(function.assignments.select_related("user").order_by("position", "pk"))
    before = [assignment.user.username for assignment in assignments]
    index = next((i for i, a in enumerate(assignments) if a.user_id == user.pk), None)
    if index is None:
        raise ValidationError(_("The person does not staff this function."))
    other = index - 1 if up else index + 1
    if 0 <= other < len(assignments):
        assignments[index], assignments[other] = assignments[other], assignments[index]
    for position, assignment in enumerate(assignments, 1):
        if assignment.position != position:
            assignment.position = position
            assignment.save(update_fields=["position"])
    after = [assignment.user.username for assignment in assignments]
    if after != before:
        log.record(
            by=by,
            action="function.call_out_order",
            target=function,
            summary=str(function),
            before={"order": before},
            after={"order": after},
        )
    return after
