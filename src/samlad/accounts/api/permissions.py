"""Who may use the accounts endpoints, before any record is looked up (so a refusal never tells
whether a record exists)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import permissions

from samlad.actors import rules


class AdministersAccounts(permissions.BasePermission):
    """Platform administrators, and permission administrators (for their own actor)."""

    message = _("Only permission administrators and platform administrators manage accounts.")

    def has_permission(self, request, view) -> bool:
        return rules.administrable_actors(request.user).exists()
