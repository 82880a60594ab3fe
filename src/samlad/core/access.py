"""The access policy: the one place that decides who may see an organisation-owned record.
Selectors, search, feeds, exports, notifications and the API all ask here. (Who administers
whose accounts and contact details: samlad.actors.rules and samlad.accounts.rules.)

Rules (DESIGN.md, "Access"):
- Only active users of an active actor are members of the network; nobody else sees anything.
- `open`: every member of the network.
- `restricted`: users of the owner actor and of the actors it is shared with.
- `confidential`: as restricted, and only users holding the confidential permission.
Platform administrators manage actors and accounts; they get no extra right to read other
actors' restricted or confidential records.
"""

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.db.models import Exists, ManyToManyField, Model, OuterRef, Q, QuerySet

from samlad.core.models import Classification, ConfidentialRead

M = TypeVar("M", bound=Model)

# Who asks: a user of the project's user model (samlad.accounts.models.User), the anonymous user
# of a request, or None. Typed Any: core cannot name the user model (it imports no app above
# it), and a narrower type here would take the callers' own typing of their user away.
Viewer = Any
# A classified record (a subclass of samlad.core.models.Classified: a notice, a meeting, an
# event) or an actor (samlad.actors.models.Actor), of apps core cannot name; typed loosely, as
# callers hand on records whose optional links they have already checked.
Record = Any
Actor = Any


def is_network_member(user: Viewer) -> bool:
    """True for an active, signed-in user whose actor is active."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.actor_id is not None
        and user.actor.is_active
    )


def _shared_with_ids(model: type[Model], actor_id: int) -> QuerySet[Any, dict[str, Any]]:
    """The ids of `model` records shared with this actor (a subquery, no join)."""
    field = model._meta.get_field("shared_with")
    assert isinstance(field, ManyToManyField)  # every classified model has it (core.Classified)
    through = field.remote_field.through
    assert through is not None  # set up by the app registry for every many-to-many field
    return through._default_manager.filter(**{field.m2m_reverse_field_name(): actor_id}).values(
        field.m2m_field_name()
    )


def reader_of(actor: Actor) -> Any:
    """Whoever reads on `actor`'s behalf without being one of its users (its outside system, a
    shared mailbox) as the policy sees it: a member of that actor who may read nothing
    confidential. Never saved. (Of the project's user model, which core cannot name.)"""
    return get_user_model()(username=f"outside:{actor.slug}", actor=actor, is_active=True)


def visibility_q(user: Viewer, model: type[Model]) -> Q:
    """The filter that keeps only the `model` records `user` may see."""
    if not is_network_member(user):
        return Q(pk__in=[])
    own_or_shared = Q(owner_actor_id=user.actor_id) | Q(
        pk__in=_shared_with_ids(model, user.actor_id)
    )
    allowed = Q(classification=Classification.OPEN) | (
        Q(classification=Classification.RESTRICTED) & own_or_shared
    )
    if user.can_read_confidential:
        allowed |= Q(classification=Classification.CONFIDENTIAL) & own_or_shared
    return allowed


def visible_to(queryset: QuerySet[M], user: Viewer) -> QuerySet[M]:
    """Every selector of classified records starts here."""
    return queryset.filter(visibility_q(user, queryset.model))


def visible_ids(model: type[Model], user: Viewer) -> QuerySet[Any, dict[str, Any]]:
    """The ids of the `model` records `user` may see, for filtering what hangs off them
    (e.g. `LogBookEntry.objects.filter(event__in=visible_ids(Event, user))`)."""
    return model._default_manager.filter(visibility_q(user, model)).values("pk")


def sees_linked(user: Viewer, model: type[Model], field: str) -> Exists:
    """An annotation for records that link to a `model` record through `field` (a notice's
    event, an activation's event): whether `user` may see the linked record; false when there is
    none. A linked record is shown (its title, its id) only where this is true: linking an open
    record to a restricted one must not open the restricted one."""
    return Exists(model._default_manager.filter(visibility_q(user, model), pk=OuterRef(field)))


def viewers_of(record: Record) -> Callable[[Viewer], bool]:
    """`can_view(user, record)` for one record and many users (a notice's recipients): the
    record's actors are read once, not once per user."""
    if record.classification == Classification.OPEN:
        return is_network_member
    named = {record.owner_actor_id, *record.shared_with.values_list("pk", flat=True)}
    confidential = record.classification == Classification.CONFIDENTIAL

    def may_view(user: Viewer) -> bool:
        return (
            is_network_member(user)
            and user.actor_id in named
            and (user.can_read_confidential or not confidential)
        )

    return may_view


def can_view(user: Viewer, record: Record) -> bool:
    """Whether `user` may see this one classified record."""
    if not is_network_member(user):
        return False
    if record.classification == Classification.OPEN:
        return True
    named: bool = (
        user.actor_id == record.owner_actor_id
        or record.shared_with.filter(pk=user.actor_id).exists()
    )
    if record.classification == Classification.RESTRICTED:
        return named
    return named and bool(user.can_read_confidential)


def could_view(
    user: Viewer, *, classification: str, owner_actor_id: int, shared_with_ids: Iterable[int]
) -> bool:
    """Whether `user` could see a record about to be written with these access fields (a writer
    must not file what it cannot read back)."""
    if not is_network_member(user):
        return False
    if classification == Classification.OPEN:
        return True
    named = user.actor_id == owner_actor_id or user.actor_id in set(shared_with_ids)
    if classification == Classification.RESTRICTED:
        return named
    return named and user.can_read_confidential


def named_actor_ids(record: Record) -> set[int]:
    """The owner actor and the actors the record is shared with."""
    return {record.owner_actor_id, *record.shared_with.values_list("pk", flat=True)}


def can_be_told(
    record: Record, *, user: Viewer, actor: Actor, named: set[int] | None = None
) -> bool:
    """Whether a message to `user` of `actor` (or, with `user` None, to one of `actor`'s own
    addresses, such as its 24/7 duty inbox) may name this record. An address with no account
    behind it never holds the confidential permission. `named` saves the lookup of
    `named_actor_ids(record)` when many recipients are told at once."""
    if record.classification == Classification.OPEN:
        return actor.is_active and (user is None or (user.is_active and user.actor_id == actor.pk))
    named = named_actor_ids(record) if named is None else named
    if user is not None:
        if not (user.is_active and user.actor_id == actor.pk and actor.is_active):
            return False
        if record.classification == Classification.RESTRICTED:
            return actor.pk in named
        return actor.pk in named and user.can_read_confidential
    return (
        actor.is_active and record.classification == Classification.RESTRICTED and actor.pk in named
    )


def note_reads(
    user: Viewer,
    records: Any,  # an iterable of records (callers hand on DRF's page, typed as optional)
    *,
    via: str,
) -> None:
    """Log every confidential record among `records` that `user` has just been shown."""
    rows = [
        ConfidentialRead(
            user=user,
            target_type=record._meta.label_lower,
            target_id=str(getattr(record, "public_id", record.pk)),
            via=via,
        )
        for record in records
        if record.classification == Classification.CONFIDENTIAL
    ]
    if rows:
        ConfidentialRead.objects.bulk_create(rows)


# Platform rights (flags of the account; who administers whose accounts is the actors' and
# accounts' rules)


def is_platform_admin(user: Viewer) -> bool:
    return bool(
        user is not None and user.is_authenticated and user.is_active and user.is_platform_admin
    )


# The audit logs


def may_read_audit_log(user: Viewer) -> bool:
    """Security officers / registrars: a platform right of its own, not implied by platform
    administration (the one who manages rights is not the one who audits their use)."""
    return is_network_member(user) and bool(user.is_security_officer)
