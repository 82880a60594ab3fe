"""An actor's short report, given orally in the meeting, recorded straight into the meeting's
event as that actor's report (events' own service files it; this records where it was given)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.events.services import file_report
from samlad.meetings import rules
from samlad.meetings.models import Meeting, RecordedReport
from samlad.meetings.services.common import locked, minutes_changed, require_minutes_open


@transaction.atomic
def record_actor_report(
    *,
    by: User,
    meeting: Meeting,
    actor,
    situation: str,
    needs: str = "",
    actions_planned: str = "",
    communication: str = "",
) -> RecordedReport:
    """File `actor`'s report in the event, as closed as the meeting (what is said in a meeting is
    shared with those who may see it)."""
    meeting = locked(
        by, meeting, rules.can_record_actor_report, _("Only TiB and RSIB record an actor's report.")
    )
    require_minutes_open(meeting)
    if actor is None:
        raise ValidationError({"actor": _("Say which actor reported.")})
    report = file_report(
        by=by,
        event=meeting.event,
        for_actor=actor,
        situation=situation,
        needs=needs,
        actions_planned=actions_planned,
        communication=communication,
        classification=meeting.classification,
        # The meeting's own actor keeps reading what was said in its meeting.
        shared_with=[meeting.owner_actor, *meeting.shared_with.all()],
        osl_reference=meeting.osl_reference,
    )
    recorded = RecordedReport.objects.create(
        meeting=meeting, report=report, recorded_by=by, at=timezone.now()
    )
    minutes_changed(meeting, kind="reports", obj=report)
    return recorded
