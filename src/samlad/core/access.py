"""The access policy: the one place that decides who may see an organisation-owned record and
who may administer whose accounts. Selectors, search, feeds, exports, notifications and the API
all ask here.

Rules (DESIGN.md, "Access"):
- Only active users of an active actor are members of the network; nobody else sees anything.
- `open`: every member of the network.
- `restricted`: users of the owner actor and of the actors it is shared with.
- `confidential`: as restricted, and only users holding the confidential permission.
Platform administrators manage actors and accounts; they get no extra right to read other
actors' restricted or confidential records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Model, Q, QuerySet

from samlad.core.models import Classification, ConfidentialRead

if TYPE_CHECKING:
    from samlad.accounts.models import User
    from samlad.actors.models import Actor


def is_network_member(user) -> bool:
    """True for an active, signed-in user whose actor is active."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.actor_id is not None
        and user.actor.is_active
    )


def _shared_with_ids(model, actor_id):
    """The ids of `model` records shared with this actor (a subquery, no join)."""
    field = model._meta.get_field("shared_with")
    through = field.remote_field.through
    return through.objects.filter(**{field.m2m_reverse_field_name(): actor_id}).values(
        field.m2m_field_name()
    )


def visibility_q(user, model) -> Q:
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


def visible_to(queryset: QuerySet, user) -> QuerySet:
    """Every selector of classified records starts here."""
    return queryset.filter(visibility_q(user, queryset.model))


def visible_ids(model, user) -> QuerySet:
    """The ids of the `model` records `user` may see, for filtering what hangs off them
    (e.g. `LogBookEntry.objects.filter(event__in=visible_ids(Event, user))`)."""
    return model.objects.filter(visibility_q(user, model)).values("pk")


def can_view(user, record: Model) -> bool:
    """Whether `user` may see this one classified record."""
    if not is_network_member(user):
        return False
    if record.classification == Classification.OPEN:
        return True
    named = (
        user.actor_id == record.owner_actor_id
        or record.shared_with.filter(pk=user.actor_id).exists()
    )
    if record.classification == Classification.RESTRICTED:
        return named
    return named and user.can_read_confidential


def note_reads(user, records, *, via: str) -> None:
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


# Administration of accounts and actors


def is_platform_admin(user) -> bool:
    return bool(
        user is not None and user.is_authenticated and user.is_active and user.is_platform_admin
    )


def can_administer_users_of(user: User, actor: Actor) -> bool:
    """Platform administrators, and the actor's own permission administrators."""
    if is_platform_admin(user):
        return True
    return is_network_member(user) and user.actor_id == actor.pk and user.is_permission_admin


def administrable_actors(user: User) -> QuerySet:
    """The actors whose accounts `user` may administer."""
    from samlad.actors.models import Actor

    if is_platform_admin(user):
        return Actor.objects.all()
    if is_network_member(user) and user.is_permission_admin:
        return Actor.objects.filter(pk=user.actor_id)
    return Actor.objects.none()


def administrable_users(user: User) -> QuerySet:
    """The accounts `user` may see and change as an administrator."""
    from samlad.accounts.models import User as UserModel

    if is_platform_admin(user):
        return UserModel.objects.all()
    if is_network_member(user) and user.is_permission_admin:
        # Platform administrators' accounts are neither changed nor shown by an actor's own
        # administrator, even where they belong to its actor.
        return UserModel.objects.filter(actor_id=user.actor_id, is_superuser=False)
    return UserModel.objects.none()
