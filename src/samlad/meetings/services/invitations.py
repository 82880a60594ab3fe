"""Calendar invitations to a meeting's participants, and the changes and cancellation after
them, through the outbox: one e-mail with an iCalendar attachment per address. Who was invited is
kept, so a change or a cancellation reaches the same people, except those who may no longer see
the meeting."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.actors.models import FunctionAssignment
from samlad.core import log
from samlad.core.models import Classification
from samlad.meetings import calendar, rules
from samlad.meetings.models import Attendance, Invitation, Meeting
from samlad.meetings.services.common import locked, outbox_key
from samlad.notify.outbox import enqueue

REQUEST, CHANGE, CANCEL = "request", "change", "cancel"
SUBJECTS = {
    REQUEST: lambda: _("Invitation: %(title)s, %(when)s"),
    CHANGE: lambda: _("Changed: %(title)s, %(when)s"),
    CANCEL: lambda: _("Cancelled: %(title)s, %(when)s"),
}


def _member_users(meeting: Meeting):
    """The people staffing the functions that sit in the forum."""
    assignments = FunctionAssignment.objects.none()
    for member in meeting.forum.members.all():
        wanted = FunctionAssignment.objects.filter(function__kind=member.function_kind)
        if member.actor_id:
            wanted = wanted.filter(function__actor_id=member.actor_id)
        assignments = assignments | wanted
    return (
        assignments.filter(user__is_active=True, user__actor__is_active=True)
        .exclude(user__email="")
        .select_related("user__actor")
    )


def invitees(meeting: Meeting) -> list[dict]:
    """Who is invited: the forum's members and everyone on the attendance list, once per
    address, and only people who may see the meeting."""
    chosen: dict[str, dict] = {}

    def add(email, name, user, actor):
        email = (email or "").strip().lower()
        if not email or email in chosen:
            return
        if user is not None and not rules.can_view_meeting(user, meeting):
            return
        if user is None and meeting.classification != Classification.OPEN:
            return
        chosen[email] = {"email": email, "name": name, "user": user, "actor": actor}

    for assignment in _member_users(meeting):
        user = assignment.user
        add(user.email, str(user), user, user.actor)
    for row in Attendance.objects.filter(meeting=meeting).select_related("user__actor", "actor"):
        add(row.user.email if row.user_id else row.email, row.name, row.user, row.actor)
    return sorted(chosen.values(), key=lambda person: person["email"])


def _agenda_titles(meeting: Meeting) -> list[str]:
    from samlad.meetings import selectors

    return [item.title for item in selectors.agenda(meeting)]


def _send(meeting: Meeting, *, email: str, name: str, user, actor, what: str) -> None:
    url = settings.SITE_URL + reverse("meetings:detail", args=[meeting.public_id])
    agenda = _agenda_titles(meeting)
    with translation.override(settings.LANGUAGE_CODE):
        when = date_format(timezone.localtime(meeting.starts_at), "Y-m-d H:i")
        subject = SUBJECTS[what]() % {"title": meeting.title, "when": when}
        ics = calendar.invitation(
            meeting, email=email, name=name, agenda=agenda, url=url, cancel=what == CANCEL
        )
        body = calendar.text_invitation(meeting, agenda=agenda, url=url, cancel=what == CANCEL)
    method = "CANCEL" if what == CANCEL else "REQUEST"
    enqueue(
        key=outbox_key("meeting-invite", meeting.public_id, meeting.calendar_sequence, what, email),
        channel="email",
        address=email,
        topic=meeting.topic,
        subject=subject,
        body=body,
        user=user,
        actor=actor,
        exercise=meeting.is_exercise,
        attachments=[
            {
                "filename": "cancel.ics" if what == CANCEL else "invite.ics",
                "content_type": f"text/calendar; method={method}",
                "content": ics,
            }
        ],
    )


@transaction.atomic
def send_invitations(*, by: User, meeting: Meeting) -> int:
    """Invite the forum's members and the attendance list; returns how many were new."""
    meeting = locked(by, meeting, rules.can_host, _("Only the host sends the invitations."))
    if meeting.status != "planned":
        raise ValidationError(_("Invitations go out before the meeting starts."))
    known = set(Invitation.objects.filter(meeting=meeting).values_list("email", flat=True))
    added = 0
    for person in invitees(meeting):
        if person["email"] in known:
            continue
        Invitation.objects.create(
            meeting=meeting,
            email=person["email"],
            user=person["user"],
            actor=person["actor"],
            sequence=meeting.calendar_sequence,
        )
        _send(meeting, what=REQUEST, **person)
        added += 1
    log.record(by=by, action="meeting.invited", target=meeting, summary=str(added))
    return added


def _may_still_see(meeting: Meeting, invitation: Invitation) -> bool:
    """Whether the person invited may see the meeting now: a change or cancellation names its
    title and time, so it does not go to someone who has since lost access (left the actor, was
    deactivated, or the meeting became more restricted)."""
    if invitation.user_id is None:
        return meeting.classification == Classification.OPEN
    return rules.can_view_meeting(invitation.user, meeting)


def _resend(meeting: Meeting, what: str) -> int:
    meeting.calendar_sequence += 1
    meeting.save(update_fields=["calendar_sequence", "updated_at"])
    invitations = [
        invitation
        for invitation in Invitation.objects.filter(meeting=meeting).select_related(
            "user__actor", "actor"
        )
        if _may_still_see(meeting, invitation)
    ]
    for invitation in invitations:
        invitation.sequence = meeting.calendar_sequence
        _send(
            meeting,
            email=invitation.email,
            name=str(invitation.user) if invitation.user_id else "",
            user=invitation.user,
            actor=invitation.actor,
            what=what,
        )
    Invitation.objects.bulk_update(invitations, ["sequence"])
    return len(invitations)


def send_change(meeting: Meeting) -> int:
    """The meeting's time, line or title changed: an updated invitation (higher SEQUENCE)."""
    return _resend(meeting, CHANGE)


def send_cancellation(meeting: Meeting) -> int:
    """The meeting is cancelled: METHOD:CANCEL to everyone invited."""
    return _resend(meeting, CANCEL)
