"""Reads of the actor registry and the call-out list (listan för aktivering), filtered by the
access policy. The directory, the actor page, the CSV export and the print all read here."""

import unicodedata
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.utils.text import slugify

from samlad.actors.models import (
    Actor,
    ActorKind,
    ContactChannel,
    ContactPoint,
    Function,
    FunctionAssignment,
    FunctionKind,
)
from samlad.core import access
from samlad.core.errors import NotFound
from samlad.core.models import Classification

# Organisations first, as the registry lists them, then the municipalities.
KIND_ORDER = [
    ActorKind.COUNTY_BOARD,
    ActorKind.REGION,
    ActorKind.STATE_AGENCY,
    ActorKind.RESCUE_SERVICE,
    ActorKind.COMPANY,
    ActorKind.OTHER,
    ActorKind.MUNICIPALITY,
]
# Swedish alphabetical order puts å, ä, ö after z (and ü with y, é with e).
_SWEDISH_LETTERS = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "ü": "y"})


def swedish_sort_key(text: str) -> str:
    """A key that sorts names as a Swedish reader expects, whatever the database collation."""
    folded = text.casefold().translate(_SWEDISH_LETTERS)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def visible_contact_points(user) -> QuerySet:
    """The contact points `user` may see, in call-out order."""
    return access.visible_to(
        ContactPoint.objects.select_related("owner_actor", "function"), user
    ).order_by("owner_actor__name", "position", "channel", "pk")


def _matching(actors: QuerySet, search: str) -> QuerySet:
    """Actors whose name or short name contains `search`; "värmdö" also finds slug "varmdo"."""
    wanted = Q(name__icontains=search) | Q(slug__icontains=search)
    if slug := slugify(search):
        wanted |= Q(slug__icontains=slug)
    return actors.filter(wanted)


def actors_for(
    user, *, include_inactive: bool = False, search: str = "", kind: str = ""
) -> QuerySet:
    """The actor directory: every actor of the network, with its functions, the people who staff
    them and the contact points `user` may see. Empty for anyone outside the network."""
    if not (access.is_network_member(user) or access.is_platform_admin(user)):
        return Actor.objects.none()
    actors = Actor.objects.all()
    if not include_inactive:
        actors = actors.filter(is_active=True)
    if search:
        actors = _matching(actors, search)
    if kind:
        actors = actors.filter(kind=kind)
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
class StaffMember:
    """A person who staffs a function, in call-out order."""

    position: int
    name: str
    title: str
    phone: str  # E.164, or "" when the person has no mobile number


@dataclass(frozen=True)
class CallOutRow:
    """One line of the call-out list: how to reach one actor or function."""

    actor: str
    actor_kind: str
    function: str
    channel: str
    value: str  # E.164 for phone numbers, as stored
    label: str
    staff: tuple[StaffMember, ...]
    classification: str  # "open", "restricted" or "confidential"
    classification_label: str
    osl_reference: str
    is_contact_function: bool
    is_phone: bool
    point: ContactPoint = field(compare=False, repr=False)

    @property
    def is_classified(self) -> bool:
        """Whether the contact point is restricted or confidential rather than open."""
        return self.classification != Classification.OPEN


@dataclass(frozen=True)
class CallOutEntry:
    """One actor on the call-out list, with the rows `user` may see (the 24/7 ones first)."""

    actor: Actor
    rows: tuple[CallOutRow, ...]

    @property
    def around_the_clock(self) -> list[CallOutRow]:
        """The 24/7 contact function's phone and Rakel rows: what a duty officer dials."""
        return [r for r in self.rows if r.is_contact_function and not self._is_email(r)]

    @property
    def mailboxes(self) -> list[CallOutRow]:
        """The 24/7 contact function's e-mail addresses."""
        return [r for r in self.rows if r.is_contact_function and self._is_email(r)]

    @property
    def others(self) -> list[CallOutRow]:
        """Every other way to reach the actor or its other functions."""
        return [r for r in self.rows if not r.is_contact_function]

    @staticmethod
    def _is_email(row: CallOutRow) -> bool:
        return row.point.channel == ContactChannel.EMAIL


def _staff_by_function(actor: Actor) -> dict[int, tuple[StaffMember, ...]]:
    return {
        function.pk: tuple(
            StaffMember(
                position=a.position,
                name=str(a.user),
                title=a.user.title,
                phone=a.user.phone.as_e164 if a.user.phone else "",
            )
            for a in function.assignments.all()
        )
        for function in actor.functions.all()
    }


def _is_contact_function(point: ContactPoint) -> bool:
    return point.function is not None and point.function.kind == FunctionKind.CONTACT


def _row(actor: Actor, point: ContactPoint, staff: dict) -> CallOutRow:
    return CallOutRow(
        actor=actor.name,
        actor_kind=actor.get_kind_display(),
        function=point.function.get_kind_display() if point.function else "",
        channel=point.get_channel_display(),
        value=point.value,
        label=point.label,
        staff=staff.get(point.function_id, ()),
        classification=point.classification,
        classification_label=point.get_classification_display(),
        osl_reference=point.osl_reference,
        is_contact_function=_is_contact_function(point),
        is_phone=point.channel == ContactChannel.PHONE,
        point=point,
    )


def call_out_entry(actor: Actor) -> CallOutEntry:
    """One actor (as read by `actors_for`) on the call-out list, the 24/7 contact function first."""
    staff = _staff_by_function(actor)
    points = sorted(
        actor.visible_contact_points,
        key=lambda p: (not _is_contact_function(p), p.position, p.channel, p.pk),
    )
    return CallOutEntry(actor=actor, rows=tuple(_row(actor, p, staff) for p in points))


def call_out_entries(user, *, search: str = "", kind: str = "") -> list[CallOutEntry]:
    """Every active actor in Swedish alphabetical order, with the contact points `user` may see.
    A constant number of queries however many actors there are."""
    actors = sorted(
        actors_for(user, search=search, kind=kind), key=lambda a: swedish_sort_key(a.name)
    )
    return [call_out_entry(actor) for actor in actors]


def call_out_list(user) -> list[CallOutRow]:
    """The call-out list as `user` may see it: every contact point of every active actor,
    the 24/7 contact function first. The same rows feed the CSV and the print page."""
    return [row for entry in call_out_entries(user) for row in entry.rows]


def functions_in_order(actor: Actor) -> list[Function]:
    """The actor's functions (as read by `actors_for`), the 24/7 contact function first."""
    rank = {kind: index for index, kind in enumerate(FunctionKind)}
    return sorted(actor.functions.all(), key=lambda function: rank.get(function.kind, len(rank)))


def group_by_kind(entries: list[CallOutEntry]) -> list[tuple[str, list[CallOutEntry]]]:
    """The entries grouped by kind of actor, organisations first, municipalities last."""
    groups = {kind: [] for kind in KIND_ORDER}
    for entry in entries:
        groups.setdefault(entry.actor.kind, []).append(entry)
    return [(kind, members) for kind, members in groups.items() if members]


def highest_classification(rows: list[CallOutRow]) -> str:
    """The highest classification among `rows`: what the print must be marked with."""
    present = {row.classification for row in rows}
    for level in (Classification.CONFIDENTIAL, Classification.RESTRICTED):
        if level in present:
            return level
    return Classification.OPEN
