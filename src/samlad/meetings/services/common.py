"""What every meeting service starts with: the meeting as the user may see it, locked for the
change, and the checks that keep approved minutes locked."""

import hashlib

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.core import live
from samlad.core.errors import NotPermitted
from samlad.meetings import rules
from samlad.meetings.models import Meeting, MeetingStatus, MinutesState


def require(allowed: bool, message: str) -> None:
    """Raises NotPermitted with the message unless the permission check allowed the action."""
    if not allowed:
        raise NotPermitted(message)


def locked(by: User, meeting: Meeting, rule, message: str) -> Meeting:
    """The meeting, locked for this change, if `by` may see it and `rule(by, meeting)` allows."""
    require(rules.can_view_meeting(by, meeting), _("No such meeting."))
    require(rule(by, meeting), message)
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("forum", "event")
        .get(pk=meeting.pk)
    )


def require_minutes_open(meeting: Meeting) -> None:
    """Approved minutes are locked: a change needs a new version first."""
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("The meeting is cancelled."))
    if meeting.minutes_state == MinutesState.APPROVED:
        raise ValidationError(
            _("The minutes are approved and locked. Start a new version to change them.")
        )


def minutes_changed(meeting: Meeting, *, kind: str, obj) -> None:
    """Count a change to what the minutes say and tell the open pages."""
    Meeting.objects.filter(pk=meeting.pk).update(minutes_revision=F("minutes_revision") + 1)
    meeting.refresh_from_db(fields=["minutes_revision"])
    live.publish(topic=meeting.topic, kind=kind, obj=obj)


def outbox_key(*parts) -> str:
    """An outbox idempotency key that fits its column, however long the address."""
    key = ":".join(str(part) for part in parts)
    if len(key) <= 200:
        return key
    return f"{parts[0]}:{hashlib.sha256(key.encode()).hexdigest()}"
