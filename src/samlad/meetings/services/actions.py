"""Action items and the actors' own decisions: agreed in a meeting, owned by one actor (never a
person: functions are staffed by whoever is on duty), followed up at later meetings."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.core import live, log
from samlad.core.errors import NotPermitted
from samlad.meetings import rules
from samlad.meetings.models import ActionItem, ActionKind, ActionStatus, ActionUpdate, Meeting
from samlad.meetings.services.common import locked, minutes_changed, require_minutes_open

# The allowed status changes (STYLE.md rule 16): done and cancelled items may be reopened.
TRANSITIONS = {
    ActionStatus.OPEN: {ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.CANCELLED},
    ActionStatus.IN_PROGRESS: {ActionStatus.OPEN, ActionStatus.DONE, ActionStatus.CANCELLED},
    ActionStatus.DONE: {ActionStatus.OPEN},
    ActionStatus.CANCELLED: {ActionStatus.OPEN},
}


def _validate(*, actor, text: str, kind: str, agenda_item, meeting: Meeting) -> dict:
    errors = {}
    if actor is None:
        errors["actor"] = _("Say which actor does it: forums take no joint decisions.")
    elif not actor.is_active:
        errors["actor"] = _("The actor is no longer active.")
    if not text:
        errors["text"] = _("Write what the actor does.")
    if kind not in ActionKind.values:
        errors["kind"] = _("Choose an action item or a decision by the actor.")
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        errors["agenda_item"] = _("The agenda item belongs to another meeting.")
    return errors


@transaction.atomic
def add_action(
    *,
    by: User,
    meeting: Meeting,
    actor,
    text: str,
    due_at=None,
    kind: str = ActionKind.ACTION,
    agenda_item=None,
) -> ActionItem:
    """Record what one actor has agreed to do (an action item) or decided for itself."""
    meeting = locked(
        by, meeting, rules.can_write_minutes, _("Only TiB, RSIB and RKK write the minutes.")
    )
    require_minutes_open(meeting)
    text = (text or "").strip()
    errors = _validate(actor=actor, text=text, kind=kind, agenda_item=agenda_item, meeting=meeting)
    if errors:
        raise ValidationError(errors)
    item = ActionItem(
        meeting=meeting,
        agenda_item=agenda_item,
        kind=kind,
        actor=actor,
        text=text,
        due_at=due_at,
        created_by=by,
    )
    item.full_clean()
    item.save()
    log.record(
        by=by, action=f"meeting.{kind}_added", target=item, summary=f"{actor.name}: {text[:80]}"
    )
    minutes_changed(meeting, kind="actions", obj=item)
    return item


def _require_may_update(by: User, item: ActionItem) -> None:
    from samlad.meetings import selectors

    if not selectors.action_visible(by, item):
        raise NotPermitted(_("No such action item."))
    meeting_visible = rules.can_view_meeting(by, item.meeting)
    if not rules.can_update_action(by, item, meeting_visible=meeting_visible):
        raise NotPermitted(_("Only the responsible actor and the minutes writers follow it up."))


@transaction.atomic
def set_action_status(
    *, by: User, item: ActionItem, status: str, note: str = "", at_meeting: Meeting | None = None
) -> ActionItem:
    """Follow an item up: in progress, done, cancelled or reopened, with a note. `at_meeting` is
    the later meeting where it was followed up, if any."""
    _require_may_update(by, item)
    if at_meeting is not None and not rules.can_view_meeting(by, at_meeting):
        raise NotPermitted(_("No such meeting."))
    item = (
        ActionItem.objects.select_for_update(of=("self",))
        .select_related("meeting", "actor")
        .get(pk=item.pk)
    )
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Choose open, in progress, done or cancelled.")})
    if status not in TRANSITIONS[item.status]:
        raise ValidationError(
            {
                "status": _("The item is already %(status)s.")
                % {"status": item.get_status_display().lower()}
            }
        )
    before = item.status
    item.status = status
    item.save(update_fields=["status", "updated_at"])
    ActionUpdate.objects.create(
        item=item,
        at=timezone.now(),
        by=by,
        status_before=before,
        status_after=status,
        note=(note or "").strip(),
        meeting=at_meeting,
    )
    log.record(
        by=by,
        action="meeting.action_status",
        target=item,
        summary=f"{item.actor.name}: {item.text[:80]}",
        before={"status": before},
        after={"status": status},
    )
    live.publish(topic=item.meeting.topic, kind="actions", obj=item)
    if at_meeting is not None and at_meeting.pk != item.meeting_id:
        minutes_changed(at_meeting, kind="follow_up", obj=item)
    return item
