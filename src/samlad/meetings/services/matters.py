"""Raising a matter from a meeting's minutes to another forum (Example 1 of the model): it lands
on that forum's next meeting's agenda, linked to the meeting and item it came from; if the forum
has no meeting planned yet, it waits for the next one to be planned."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.core import log
from samlad.meetings import agendas, rules
from samlad.meetings.models import AgendaKind, Meeting, MeetingStatus, RaisedMatter
from samlad.meetings.services.common import minutes_changed, require


def next_meeting_of(forum, *, after=None) -> Meeting | None:
    """The forum's next planned meeting whose agenda can still take items."""
    return (
        Meeting.objects.filter(
            forum=forum,
            status=MeetingStatus.PLANNED,
            starts_at__gte=after or timezone.now(),
        )
        .exclude(minutes_state="approved")
        .order_by("starts_at", "id")
        .first()
    )


def _put_on_agenda(matter: RaisedMatter, meeting: Meeting) -> None:
    from samlad.meetings.services.agenda import agenda_changed, append_item

    title = agendas.RAISED_TITLE % {
        "forum": matter.source_meeting.forum.name,
        "title": matter.title,
    }
    item = append_item(
        meeting, title=title[:200], kind=AgendaKind.RAISED_MATTER, raised_matter=matter
    )
    agenda_changed(meeting, item)


def place_waiting_matters(meeting: Meeting) -> int:
    """Put the matters raised to this meeting's forum that wait for a meeting on its agenda."""
    waiting = RaisedMatter.objects.filter(to_forum=meeting.forum, agenda_item__isnull=True)
    waiting = waiting.select_related("source_meeting__forum").order_by("created_at", "id")
    count = 0
    for matter in waiting:
        _put_on_agenda(matter, meeting)
        count += 1
    return count


@transaction.atomic
def raise_matter(
    *,
    by: User,
    meeting: Meeting,
    to_forum,
    title: str,
    description: str = "",
    source_item=None,
) -> RaisedMatter:
    """Send a matter from this meeting to another forum's next meeting."""
    require(rules.can_view_meeting(by, meeting), _("No such meeting."))
    require(rules.can_write_minutes(by, meeting), _("Only TiB, RSIB and RKK write the minutes."))
    title = (title or "").strip()
    errors = {}
    if not title:
        errors["title"] = _("Say what the matter is.")
    elif len(title) > 200:
        errors["title"] = _("Keep the title under 200 characters.")
    if to_forum is None or not to_forum.is_active:
        errors["to_forum"] = _("Choose the forum the matter goes to.")
    elif to_forum.pk == meeting.forum_id:
        errors["to_forum"] = _("Choose another forum than this one.")
    if source_item is not None and source_item.meeting_id != meeting.pk:
        errors["source_item"] = _("The agenda item belongs to another meeting.")
    if errors:
        raise ValidationError(errors)
    matter = RaisedMatter.objects.create(
        source_meeting=meeting,
        source_item=source_item,
        to_forum=to_forum,
        title=title,
        description=(description or "").strip(),
        raised_by=by,
    )
    target = next_meeting_of(to_forum)
    if target is not None:
        Meeting.objects.select_for_update().filter(pk=target.pk).first()
        _put_on_agenda(matter, target)
    log.record(
        by=by, action="meeting.matter_raised", target=matter, summary=f"{to_forum.name}: {title}"
    )
    minutes_changed(meeting, kind="matters", obj=matter)
    return matter
