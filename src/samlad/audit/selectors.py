"""Reads of the audit logs, for security officers / registrars only: the change log (every state
change, `LogEntry`) and the log of reads of confidential records (`ConfidentialRead`).

Only what the log rows hold is shown: no logged record is looked up, so nothing of a
confidential record appears beyond what its log rows already say. Every read of these logs is
itself logged, as a read of the log (`note_audit_read`)."""

import uuid
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from samlad.core import access
from samlad.core.errors import NotPermitted
from samlad.core.models import ConfidentialRead, LogEntry

CHANGES = "changes"
READS = "reads"
# How a read of each audit log is itself recorded in the read log.
LOG_TYPES = {CHANGES: "core.logentry", READS: "core.confidentialread"}
# ConfidentialRead.target_id holds the filters of an audit-log read, as far as they fit.
QUERY_LENGTH = ConfidentialRead._meta.get_field("target_id").max_length


@dataclass(frozen=True)
class AuditFilter:
    """What to look for. `user` and `actor` take a user name or actor short name, or a public id;
    the period is whole days in Swedish time, both ends included."""

    user: str = ""
    actor: str = ""
    object_type: str = ""
    object_id: str = ""
    since: date | None = None
    until: date | None = None

    def as_query(self) -> str:
        """The filters in use, as a query string (for the read log and for links)."""
        used = {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}
        return urlencode({name: str(value) for name, value in used.items()})


def _require_right(user) -> None:
    if not access.may_read_audit_log(user):
        raise NotPermitted(_("Only security officers and registrars read the audit logs."))


def _as_uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _person_q(prefix: str, value: str) -> Q:
    public_id = _as_uuid(value)
    if public_id is not None:
        return Q(**{f"{prefix}__public_id": public_id})
    return Q(**{f"{prefix}__username__iexact": value})


def _actor_q(prefix: str, value: str) -> Q:
    public_id = _as_uuid(value)
    if public_id is not None:
        return Q(**{f"{prefix}__public_id": public_id})
    return Q(**{f"{prefix}__slug__iexact": value})


def _object_id(value: str) -> str:
    """Log rows name a record by its public id (lower-case UUID) or, lacking one, its key."""
    public_id = _as_uuid(value)
    return str(public_id) if public_id is not None else value


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))


def _filtered(rows: QuerySet, filters: AuditFilter, *, user_field: str, actor_field: str):
    if filters.user:
        rows = rows.filter(_person_q(user_field, filters.user.strip()))
    if filters.actor:
        rows = rows.filter(_actor_q(actor_field, filters.actor.strip()))
    if filters.object_type:
        rows = rows.filter(target_type=filters.object_type.strip().lower())
    if filters.object_id:
        rows = rows.filter(target_id=_object_id(filters.object_id.strip()))
    if filters.since:
        rows = rows.filter(at__gte=_start_of(filters.since))
    if filters.until:
        rows = rows.filter(at__lt=_start_of(filters.until + timedelta(days=1)))
    return rows


def changes_for(user, filters: AuditFilter) -> QuerySet:
    """The change log, newest first; `actor` is the actor the change was made for."""
    _require_right(user)
    rows = LogEntry.objects.select_related("user", "acting_actor").order_by("-at", "-id")
    return _filtered(rows, filters, user_field="user", actor_field="acting_actor")


def reads_for(user, filters: AuditFilter) -> QuerySet:
    """The log of reads of confidential records, newest first; `actor` is the reader's actor
    (as it is now: a read row does not record the actor at the time)."""
    _require_right(user)
    rows = ConfidentialRead.objects.select_related("user__actor").order_by("-at", "-id")
    return _filtered(rows, filters, user_field="user", actor_field="user__actor")


def note_audit_read(user, *, log: str, via: str, filters: AuditFilter) -> None:
    """Record that `user` read an audit log (page, export, api), with the filters used."""
    _require_right(user)
    ConfidentialRead.objects.create(
        user=user,
        target_type=LOG_TYPES[log],
        target_id=filters.as_query()[:QUERY_LENGTH],
        via=via,
    )
