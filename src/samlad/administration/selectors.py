"""Reads for delegated administration. Everything starts from what the viewer may administer
(samlad.actors.rules, samlad.accounts.rules), so another actor's users, functions and contact
points are simply not found: "not yours" and "does not exist" look the same (404)."""

from uuid import UUID

from django.db.models import Prefetch, Q, QuerySet

from samlad.accounts import rules as account_rules
from samlad.accounts.models import User
from samlad.actors import rules as actor_rules
from samlad.actors.models import (
    Actor,
    ContactPoint,
    Function,
    FunctionAssignment,
    FunctionKind,
)
from samlad.actors.selectors import swedish_sort_key
from samlad.core import access
from samlad.core.errors import NotFound


def _one(queryset: QuerySet, public_id):
    try:
        found = queryset.filter(public_id=UUID(str(public_id))).first()
    except (ValueError, TypeError):
        found = None
    if found is None:
        raise NotFound
    return found


def actors_to_administer(user, *, search: str = "") -> list[Actor]:
    """The actors `user` may administer, in Swedish alphabetical order."""
    actors = actor_rules.administrable_actors(user)
    if search:
        actors = actors.filter(Q(name__icontains=search) | Q(slug__icontains=search))
    return sorted(actors, key=lambda actor: swedish_sort_key(actor.name))


def actor_to_administer(user, *, public_id) -> Actor:
    """One actor `user` may administer, or NotFound."""
    return _one(actor_rules.administrable_actors(user), public_id)


def users_of(actor: Actor, *, viewer) -> list[User]:
    """The actor's accounts `viewer` administers, active first, each with the functions it
    staffs (platform administrators' accounts only for a platform administrator)."""
    assignments = FunctionAssignment.objects.filter(function__actor=actor).select_related(
        "function"
    )
    users = (
        account_rules.administrable_users(viewer)
        .filter(actor=actor)
        .prefetch_related(
            Prefetch("function_assignments", queryset=assignments, to_attr="own_assignments")
        )
    )
    return sorted(
        users, key=lambda user: (not user.is_active, swedish_sort_key(str(user)), user.username)
    )


def user_to_administer(viewer, *, actor: Actor, public_id) -> User:
    """One of the actor's accounts that `viewer` may change, or NotFound. Platform
    administrators' own accounts are changed by platform administrators only."""
    users = account_rules.administrable_users(viewer).filter(actor=actor)
    if not access.is_platform_admin(viewer):
        users = users.filter(is_superuser=False)
    return _one(users, public_id)


def _staffed_functions(actor: Actor) -> QuerySet:
    assignments = FunctionAssignment.objects.select_related("user").order_by("position", "pk")
    return Function.objects.filter(actor=actor).prefetch_related(
        Prefetch("assignments", queryset=assignments)
    )


def _in_kind_order(functions) -> list[Function]:
    """The 24/7 contact function first, then as FunctionKind lists them."""
    rank = {kind: index for index, kind in enumerate(FunctionKind)}
    return sorted(functions, key=lambda function: rank.get(function.kind, len(rank)))


def functions_of(actor: Actor) -> list[Function]:
    """The actor's functions, each with who staffs it in call-out order."""
    return _in_kind_order(_staffed_functions(actor))


def function_of(actor: Actor, *, public_id) -> Function:
    """One of the actor's functions (the actor is already checked), or NotFound."""
    return _one(_staffed_functions(actor), public_id)


def contact_points_of(viewer, actor: Actor) -> QuerySet:
    """The actor's contact points that `viewer` may read (the access policy holds for
    administrators too), in call-out order."""
    points = ContactPoint.objects.filter(owner_actor=actor).select_related("function")
    return access.visible_to(points, viewer).order_by("position", "channel", "pk")


def contact_point_of(viewer, actor: Actor, *, public_id) -> ContactPoint:
    """One of the actor's contact points that `viewer` may read, or NotFound."""
    return _one(contact_points_of(viewer, actor).prefetch_related("shared_with"), public_id)


def other_actors(actor: Actor) -> list[Actor]:
    """The active actors a contact point of `actor` may be shared with."""
    others = Actor.objects.filter(is_active=True).exclude(pk=actor.pk)
    return sorted(others, key=lambda other: swedish_sort_key(other.name))


def function_kinds_of(actor: Actor) -> list[tuple[str, str]]:
    """(kind, label) of the actor's functions, for choosing which a person staffs."""
    functions = _in_kind_order(actor.functions.all())
    return [(function.kind, function.get_kind_display()) for function in functions]
