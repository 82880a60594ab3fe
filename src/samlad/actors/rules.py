"""Who administers an actor: its users, functions and contact points are kept by its own
permission administrators, and by platform administrators for every actor."""

from django.db.models import QuerySet

from samlad.actors.models import Actor
from samlad.core import access


def can_administer_users_of(user, actor: Actor) -> bool:
    """Platform administrators, and the actor's own permission administrators."""
    if access.is_platform_admin(user):
        return True
    return access.is_network_member(user) and user.actor_id == actor.pk and user.is_permission_admin


def administrable_actors(user) -> QuerySet:
    """The actors whose accounts `user` may administer."""
    if access.is_platform_admin(user):
        return Actor.objects.all()
    if access.is_network_member(user) and user.is_permission_admin:
        return Actor.objects.filter(pk=user.actor_id)
    return Actor.objects.none()
