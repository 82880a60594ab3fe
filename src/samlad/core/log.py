"""Appending to the append-only log that users read as the log book."""

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Model

from samlad.core.models import LogEntry


def record(
    *,
    by: AbstractBaseUser | AnonymousUser | None,
    action: str,
    target: Model,
    summary: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> LogEntry:
    """Append one entry for a state change made by `by` (a user, or None for the system)."""
    user = by if by is not None and not isinstance(by, AnonymousUser) else None
    return LogEntry.objects.create(
        # By id: core knows the user model only as Django's (it imports no app above it).
        user_id=None if user is None else user.pk,
        acting_actor_id=getattr(user, "actor_id", None),
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(getattr(target, "public_id", target.pk)),
        summary=summary,
        before=before,
        after=after,
    )


def changes(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that changed, as (before, after)."""
    keys = [key for key in after if before.get(key) != after.get(key)]
    return {key: before.get(key) for key in keys}, {key: after[key] for key in keys}
