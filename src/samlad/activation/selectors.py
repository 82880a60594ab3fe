"""Reads of forums, activation requests and activations. Activations are network-wide; requests
are seen by the requesting actor and the county board's duty functions."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from samlad.activation import rules
from samlad.activation.models import (
    Activation,
    ActivationRequest,
    ActivationStatus,
    Forum,
    ForumMode,
    Level,
    RequestStatus,
)
from samlad.core import access
from samlad.core.errors import NotFound
from samlad.events.models import Event


def _one(queryset: QuerySet, public_id):
    try:
        found = queryset.filter(public_id=public_id).first()
    except (ValueError, TypeError, ValidationError):
        found = None
    if found is None:
        raise NotFound
    return found


def visible_forums(user, *, include_inactive: bool = False) -> QuerySet:
    """Every forum, for members of the network and platform administrators."""
    if not rules.can_view_activations(user):
        return Forum.objects.none()
    forums = Forum.objects.select_related("host_actor").prefetch_related("members__actor")
    if not include_inactive:
        forums = forums.filter(is_active=True)
    return forums


def forum_for(user, *, public_id) -> Forum:
    """The forum with this public id if the user may see it (an inactive one only for a platform
    administrator); NotFound otherwise.
    """
    return _one(visible_forums(user, include_inactive=access.is_platform_admin(user)), public_id)


def visible_activations(user, *, status: str | None = None) -> QuerySet:
    """Activations, newest first: network-wide. `event_shown`: whether `user` may see the
    activation's event (an activation is seen by everyone, its event perhaps not)."""
    if not rules.can_view_activations(user):
        return Activation.objects.none()
    activations = Activation.objects.select_related("forum", "event", "activated_by").annotate(
        event_shown=access.sees_linked(user, Event, "event")
    )
    if status in ActivationStatus.values:
        activations = activations.filter(status=status)
    return activations.order_by("-created_at", "-id")


def activation_for(user, *, public_id) -> Activation:
    """The activation with this public id if the user may see it; NotFound otherwise, whether it is
    missing or not theirs.
    """
    return _one(visible_activations(user), public_id)


def visible_requests(user, *, status: str | None = None) -> QuerySet:
    """The requests `user` may see: the county board's duty functions see all, an actor its own.
    `event_shown`: whether `user` may see the request's event."""
    requests = ActivationRequest.objects.select_related(
        "requesting_actor", "requested_by", "suggested_forum", "event", "decided_by"
    ).annotate(event_shown=access.sees_linked(user, Event, "event"))
    if rules.is_county_board_duty(user):
        pass
    elif access.is_network_member(user):
        requests = requests.filter(requesting_actor_id=user.actor_id)
    else:
        return ActivationRequest.objects.none()
    if status in RequestStatus.values:
        requests = requests.filter(status=status)
    return requests.order_by("-created_at", "-id")


def request_for(user, *, public_id) -> ActivationRequest:
    """The activation request with this public id if the user may see it; NotFound otherwise."""
    return _one(visible_requests(user), public_id)


def activatable_forums() -> QuerySet:
    """The active forums, in the order the pickers list them: by level, then mode, then name."""
    return Forum.objects.filter(is_active=True).order_by("level", "-mode", "name")


# Other apps read forums only through the functions below (DECISIONS.md: forums stay here).
# Forums are the network's shared reference data: who may see a meeting or a matter is decided
# by that record, not by its forum.


def forums_in_use() -> QuerySet:
    """The active forums, by level, mode and name: what other apps offer to pick from."""
    return Forum.objects.filter(is_active=True).order_by("level", "mode", "name")


def forum_with_public_id(public_id) -> Forum | None:
    """The forum with this public id, active or not; None when there is none or the id is
    malformed."""
    try:
        return Forum.objects.filter(public_id=public_id).first()
    except (ValueError, TypeError, ValidationError):
        return None


def forum_with_slug(slug: str) -> Forum | None:
    """The forum with this slug, active or not (the demo data names forums by slug)."""
    return Forum.objects.filter(slug=slug).first()


def first_choice_forum() -> Forum | None:
    """The forum normally activated first: the coordinating forum in activated mode (MODEL.md)."""
    return (
        activatable_forums()
        .filter(level=Level.COORDINATING, mode=ForumMode.ACTIVATED)
        .order_by("pk")
        .first()
    )
