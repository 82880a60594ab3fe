"""Appending to the append-only log that users read as the log book."""

from django.db.models import Model

from samlad.core.models import LogEntry


def record(
    *,
    by,
    action: str,
    target: Model,
    summary: str = "",
    before: dict | None = None,
    after: dict | None = None,
) -> LogEntry:
    """Append one entry for a state change made by `by` (a user, or None for the system)."""
    user = by if by is not None and getattr(by, "is_authenticated", False) else None
    return LogEntry.objects.create(
        user=user,
        acting_actor_id=getattr(user, "actor_id", None),
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(getattr(target, "public_id", target.pk)),
        summary=summary,
        before=before,
        after=after,
    )


def changes(before: dict, after: dict) -> tuple[dict, dict]:
    """Only the fields that changed, as (before, after)."""
    keys = [key for key in after if before.get(key) != after.get(key)]
    return {key: before.get(key) for key in keys}, {key: after[key] for key in keys}
