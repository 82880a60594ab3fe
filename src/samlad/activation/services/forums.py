"""Platform administrators keep the forums: what they are, who sits in them, how they meet."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.activation import rules
from samlad.activation.conference_line import line_errors
from samlad.activation.models import Forum, ForumMember
from samlad.core import log
from samlad.core.errors import NotPermitted

# A forum's own facts: what the forum form, the API and the log show of it.
FORUM_FIELDS = [
    "name",
    "slug",
    "level",
    "mode",
    "description",
    "host_actor",
    "chair_function",
    "standing_agenda",
    "rhythm_weekday",
    "rhythm_time",
    "rhythm_note",
    "duration_minutes",
    "auto_call_out",
    "call_out_lead_minutes",
    "bridge_number",
    "bridge_pin",
    "rakel_talk_group",
    "answer_within_minutes",
    "escalation_step_minutes",
    "is_active",
]


def _snapshot(forum: Forum) -> dict:
    values = {field: getattr(forum, field) for field in FORUM_FIELDS}
    values["host_actor"] = forum.host_actor.slug if forum.host_actor_id else None
    values["rhythm_time"] = forum.rhythm_time.strftime("%H:%M") if forum.rhythm_time else None
    values["members"] = sorted(
        f"{m.function_kind}:{m.actor.slug if m.actor_id else '*'}" for m in forum.members.all()
    )
    return values


def _validate(forum: Forum) -> None:
    forum.slug = forum.slug or slugify(forum.name)[:60]
    errors = line_errors(forum)
    if forum.auto_call_out and (forum.rhythm_weekday is None or forum.rhythm_time is None):
        errors["auto_call_out"] = _("A forum called out automatically needs a weekday and a time.")
    step = forum.escalation_step_minutes
    if step is not None and step > forum.answer_within_minutes:
        errors["escalation_step_minutes"] = _(
            "Escalate within the answer requirement, or leave it empty."
        )
    if forum.answer_within_minutes < 1:
        errors["answer_within_minutes"] = _("Give at least one minute.")
    forum.standing_agenda = [item.strip() for item in forum.standing_agenda if item.strip()]
    if errors:
        raise ValidationError(errors)


def _set_members(forum: Forum, members) -> None:
    """`members`: (function kind, actor or None for every actor) pairs."""
    wanted = {(kind, getattr(actor, "pk", None)) for kind, actor in members}
    current = {(m.function_kind, m.actor_id): m for m in forum.members.all()}
    for key, member in current.items():
        if key not in wanted:
            member.delete()
    for kind, actor_id in wanted - set(current):
        ForumMember.objects.create(forum=forum, function_kind=kind, actor_id=actor_id)


def _save(forum: Forum, *, by: User, members, action: str, before: dict | None) -> Forum:
    if not rules.can_manage_forums(by):
        raise NotPermitted(_("Only platform administrators change forums."))
    _validate(forum)
    forum.full_clean()
    forum.save()
    if members is not None:
        _set_members(forum, members)
    after = _snapshot(forum)
    if before is not None:
        before, after = log.changes(before, after)
    if after:
        log.record(
            by=by, action=action, target=forum, summary=forum.name, before=before, after=after
        )
    return forum


@transaction.atomic
def create_forum(*, by: User, members=(), **fields) -> Forum:
    """Add a forum."""
    unknown = set(fields) - set(FORUM_FIELDS)
    if unknown:
        raise ValidationError({name: _("This field cannot be set here.") for name in unknown})
    return _save(Forum(**fields), by=by, members=members, action="forum.created", before=None)


@transaction.atomic
def update_forum(*, by: User, forum: Forum, members=None, **fields) -> Forum:
    """Change a forum; the log keeps what it was."""
    forum = Forum.objects.select_for_update().get(pk=forum.pk)
    before = _snapshot(forum)
    for field, value in fields.items():
        if field not in FORUM_FIELDS:
            raise ValidationError({field: _("This field cannot be changed here.")})
        setattr(forum, field, value.strip() if isinstance(value, str) else value)
    return _save(forum, by=by, members=members, action="forum.updated", before=before)
