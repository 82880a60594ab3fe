"""Whose accounts a user administers (what they may do to one is checked by the services)."""

from django.db.models import QuerySet

from samlad.accounts.models import User
from samlad.core import access


def administrable_users(user) -> QuerySet:
    """The accounts `user` may see and change as an administrator."""
    if access.is_platform_admin(user):
        return User.objects.all()
    if access.is_network_member(user) and user.is_permission_admin:
        # Platform administrators' accounts are neither changed nor shown by an actor's own
        # administrator, even where they belong to its actor.
        return User.objects.filter(actor_id=user.actor_id, is_superuser=False)
    return User.objects.none()
