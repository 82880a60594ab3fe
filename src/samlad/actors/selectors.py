"""Reads of the actor registry and the call-out list, filtered by the access policy."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from samlad.actors.models import Actor, ContactPoint, Function, FunctionAssignment, FunctionKind
from samlad.core import access
from samlad.core.errors import NotFound


def visible_contact_points(user) -> QuerySet:
    """The contact points `user` may see, in call-out order."""
    return access.visible_to(
        ContactPoint.objects.select_related("owner_actor", "function"), user
    ).order_by("owner_actor__name", "position", "channel", "pk")


def actors_for(user, *, include_inactive: bool = False, search: str = "") -> QuerySet:
    """The actor directory: every actor of the network, with its functions, the people who staff
    them and the contact points `user` may see. Empty for anyone outside the network."""
    if not (access.is_network_member(user) or access.is_platform_admin(user)):
        return Actor.objects.none()
    actors = Actor.objects.all()
    if not include_inactive:
        actors = actors.filter(is_active=True)
    if search:
        actors = actors.filter(Q(name__icontains=search) | Q(slug__icontains=search))
    assignments = FunctionAssignment.objects.filter(user__is_active=True).select_related("user")
    functions = Function.objects.prefetch_related(Prefetch("assignments", queryset=assignments))
    return actors.prefetch_related(
        Prefetch("functions", queryset=functions),
        Prefetch(
            "owned_contactpoints",
            queryset=visible_contact_points(user),
            to_attr="visible_contact_points",
        ),
    )


def actor_for(user, *, public_id) -> Actor:
    """One actor of the directory, or NotFound."""
    actor = (
        actors_for(user, include_inactive=access.is_platform_admin(user))
        .filter(public_id=public_id)
        .first()
    )
    if actor is None:
        raise NotFound
    return actor


@dataclass(frozen=True)
class CallOutRow:
    """One line of the call-out list: how to reach one actor or function."""

    actor: str
    actor_kind: str
    function: str
    channel: str
    value: str
    label: str
    staffed_by: str


def call_out_list(user) -> list[CallOutRow]:
    """The call-out list as `user` may see it: every contact point of every active actor,
    the 24/7 contact function first. The same rows feed the CSV and the print page."""
    rows = []
    for actor in actors_for(user):
        staff = {
            function.pk: ", ".join(
                f"{a.user} ({a.user.phone})" if a.user.phone else str(a.user)
                for a in function.assignments.all()
            )
            for function in actor.functions.all()
        }
        points = sorted(
            actor.visible_contact_points,
            key=lambda p: (
                p.function is None or p.function.kind != FunctionKind.CONTACT,
                p.position,
            ),
        )
        for point in points:
            rows.append(
                CallOutRow(
                    actor=actor.name,
                    actor_kind=actor.get_kind_display(),
                    function=point.function.get_kind_display() if point.function else "",
                    channel=point.get_channel_display(),
                    value=point.value,
                    label=point.label,
                    staffed_by=staff.get(point.function_id, ""),
                )
            )
    return rows
