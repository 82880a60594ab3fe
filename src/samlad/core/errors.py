"""Domain exceptions. Services raise them; views and the API translate them once."""

from django.core.exceptions import PermissionDenied, ValidationError

__all__ = ["NotPermitted", "ValidationError", "NotFound"]


class NotPermitted(PermissionDenied):
    """The user may not do this. Shown as 403 where the record is visible, else as 404."""


class NotFound(Exception):
    """No such record, or not one the user may see: the two look the same (404)."""
