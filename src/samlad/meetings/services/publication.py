"""Sending approved minutes to the participants: an e-mail with the minutes as text and as an
attached document, one outbox row per address (written in the approval's transaction)."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.core.models import Classification
from samlad.meetings import document, rules
from samlad.meetings.models import Attendance, MinutesVersion
from samlad.meetings.services.common import outbox_key
from samlad.notify.outbox import enqueue


def _recipients(meeting) -> list[Attendance]:
    """Everyone on the attendance list who attended and may read the minutes, once per address.
    A person without an account gets the minutes only of an open meeting."""
    chosen: dict[str, Attendance] = {}
    rows = Attendance.objects.filter(meeting=meeting).select_related("user__actor", "actor")
    for row in rows.order_by("id"):
        email = (row.user.email if row.user_id and row.user.email else row.email).strip().lower()
        if not email or not row.attended or email in chosen:
            continue
        if row.user_id:
            allowed = rules.can_view_meeting(row.user, meeting)
        else:
            allowed = meeting.classification == Classification.OPEN
        if allowed:
            chosen[email] = row
    return list(chosen.values())


def send_minutes(version: MinutesVersion) -> int:
    """Put the approved minutes in the outbox for each participant; returns how many."""
    meeting = version.meeting
    recipients = _recipients(meeting)
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Minutes: %(title)s (version %(number)s)") % {
            "title": meeting.title,
            "number": version.number,
        }
        body = document.as_text(version)
        attachment = document.as_attachment(version)
    for row in recipients:
        email = row.user.email if row.user_id and row.user.email else row.email
        enqueue(
            key=outbox_key("minutes", version.public_id, email.lower()),
            channel="email",
            address=email,
            topic=f"meeting:{meeting.public_id}",
            subject=subject,
            body=body,
            user=row.user,
            actor=row.actor,
            exercise=meeting.is_exercise,
            attachments=[attachment],
        )
    return len(recipients)


def note_in_event(*, by: User, version: MinutesVersion) -> None:
    """An event's log book says that minutes of one of its meetings were approved."""
    meeting = version.meeting
    if meeting.event_id is None or not _as_open_as(meeting, meeting.event):
        return
    from samlad.events.services import add_log_entry

    with translation.override(settings.LANGUAGE_CODE):
        text = _("Minutes of %(title)s approved (version %(number)s).") % {
            "title": meeting.title,
            "number": version.number,
        }
    add_log_entry(by=by, event=meeting.event, kind="information", text=text)


def _as_open_as(meeting, event) -> bool:
    """Whether everyone who sees the event's log book may also see the meeting."""
    if meeting.classification == Classification.OPEN:
        return True
    if meeting.classification != event.classification:
        return False
    meeting_actors = {meeting.owner_actor_id, *meeting.shared_with.values_list("pk", flat=True)}
    event_actors = {event.owner_actor_id, *event.shared_with.values_list("pk", flat=True)}
    return event_actors <= meeting_actors
