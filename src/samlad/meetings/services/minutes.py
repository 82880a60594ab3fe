"""Approving the minutes: at the end they are read out and approved (seed 002), which locks them
as a numbered, immutable version and sends them to the participants. A later change starts the
next version; the approved ones stay readable."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.core import live, log
from samlad.meetings import minutes, rules
from samlad.meetings.models import Meeting, MinutesState, MinutesVersion
from samlad.meetings.services import publication
from samlad.meetings.services.common import locked, require_minutes_open

# The minutes' state machine (STYLE.md rule 16).
TRANSITIONS = {
    MinutesState.WRITING: {MinutesState.APPROVED},
    MinutesState.APPROVED: {MinutesState.REVISING},
    MinutesState.REVISING: {MinutesState.APPROVED},
}
MESSAGE = _("Only the host or RSIB records the approval of the minutes.")


class MinutesChanged(Exception):
    """The minutes changed after the approver read them: read them again."""

    def __init__(self, *, meeting: Meeting):
        self.meeting = meeting
        super().__init__(_("The minutes changed after you read them out. Read them again."))


def _move(meeting: Meeting, to: str) -> None:
    if to not in TRANSITIONS[meeting.minutes_state]:
        raise ValidationError(
            _("The minutes are %(state)s.") % {"state": meeting.get_minutes_state_display().lower()}
        )
    meeting.minutes_state = to
    meeting.save(update_fields=["minutes_state", "updated_at"])


@transaction.atomic
def approve_minutes(
    *, by: User, meeting: Meeting, revision: int, change_note: str = ""
) -> MinutesVersion:
    """Record that the minutes as they stood at `revision` were read out and approved; lock them
    as the next version and send them to the participants."""
    meeting = locked(by, meeting, rules.can_approve_minutes, MESSAGE)
    require_minutes_open(meeting)
    if meeting.minutes_revision != revision:
        raise MinutesChanged(meeting=meeting)
    last = meeting.minutes_versions.order_by("-number").values_list("number", flat=True).first()
    version = MinutesVersion(
        meeting=meeting,
        number=(last or 0) + 1,
        content=minutes.content(meeting),
        approved_at=timezone.now(),
        approved_by=by,
        approving_actor=by.actor,
        change_note=(change_note or "").strip(),
    )
    version.save()
    _move(meeting, MinutesState.APPROVED)
    log.record(
        by=by,
        action="minutes.approved",
        target=version,
        summary=f"{meeting.title}: {version.number}",
    )
    live.publish(topic=meeting.topic, kind="minutes", obj=version)
    publication.send_minutes(version)
    publication.note_in_event(by=by, version=version)
    return version


@transaction.atomic
def start_new_version(*, by: User, meeting: Meeting) -> Meeting:
    """Open approved minutes for a change; the change is approved as the next version."""
    meeting = locked(by, meeting, rules.can_approve_minutes, MESSAGE)
    _move(meeting, MinutesState.REVISING)
    log.record(by=by, action="minutes.reopened", target=meeting, summary=meeting.title)
    live.publish(topic=meeting.topic, kind="minutes", obj=meeting)
    return meeting
