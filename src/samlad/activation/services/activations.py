"""Activating a forum (calling everyone on its list), widening it by actor analysis, and
closing it. Everything an activation sends is in the outbox in the same transaction."""

import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.activation import rules
from samlad.activation.conference_line import line_errors
from samlad.activation.models import Activation, ActivationKind, ActivationStatus, Participant
from samlad.activation.services import alerts, callout
from samlad.actors.models import Actor, FunctionKind
from samlad.core import access, live, log
from samlad.core.errors import NotPermitted

# The overview page follows this topic: a new activation or request shows there at once.
OVERVIEW_TOPIC = "activations"
TRANSITIONS = {ActivationStatus.OPEN: {ActivationStatus.CLOSED}, ActivationStatus.CLOSED: set()}
CODE_LETTERS = "ACEFHJKLMNPRTUVWXY"
# A meeting may be registered as having started a little while ago (TiB types it in late).
PAST_GRACE = timedelta(minutes=30)


def _new_code() -> str:
    """A short code, unique among open activations, that SMS answers name (e.g. "K47")."""
    while True:
        code = f"{secrets.choice(CODE_LETTERS)}{secrets.randbelow(100):02d}"
        if not Activation.objects.filter(code=code, status=ActivationStatus.OPEN).exists():
            return code


def _save_with_free_code(activation: Activation) -> None:
    """Save; should another activation take the same code at the same moment, draw again."""
    for _attempt in range(5):
        try:
            with transaction.atomic():
                activation.save()
            return
        except IntegrityError:
            if not Activation.objects.filter(code=activation.code, status="open").exists():
                raise
            activation.pk = None
            activation.code = _new_code()
    raise IntegrityError("no free activation code")


def _snapshot(activation: Activation) -> dict:
    return {
        "forum": activation.forum.slug,
        "code": activation.code,
        "kind": activation.kind,
        "status": activation.status,
        "is_exercise": activation.is_exercise,
        "meeting_at": activation.meeting_at.isoformat(),
        "event": str(activation.event.public_id) if activation.event_id else None,
    }


def _check_line(activation: Activation) -> None:
    errors = line_errors(activation)
    if not (activation.bridge_number or activation.rakel_talk_group):
        errors["bridge_number"] = _(
            "Give a conference bridge number or a Rakel talk group, so the called know how to join."
        )
    if errors:
        raise ValidationError(errors)


def _check(activation: Activation, *, by: User | None) -> None:
    if not activation.forum.is_active:
        raise ValidationError({"forum": _("This forum is not in use.")})
    if activation.event_id and not access.can_view(by, activation.event):
        raise ValidationError({"event": _("No such event.")})
    errors = {}
    if activation.kind == ActivationKind.ACTIVATED and not activation.reason:
        errors["reason"] = _("Say why the forum is activated: the call-out tells everyone.")
    if activation.kind == ActivationKind.ACTIVATED and (
        activation.meeting_at < timezone.now() - PAST_GRACE
    ):
        errors["meeting_at"] = _("The meeting cannot start in the past.")
    try:
        _check_line(activation)
    except ValidationError as line:
        errors |= line.message_dict
    if errors:
        raise ValidationError(errors)


def open_activation(
    *,
    by: User | None,
    forum,
    kind: str = ActivationKind.ACTIVATED,
    meeting_at=None,
    reason: str = "",
    is_exercise: bool = False,
    event=None,
    request=None,
    bridge_number: str | None = None,
    bridge_pin: str | None = None,
    rakel_talk_group: str | None = None,
) -> Activation:
    """Create the activation and call everyone on the forum's list (inside the caller's
    transaction). `by` is None for a scheduled call-out, which nobody started."""
    activation = Activation(
        forum=forum,
        code=_new_code(),
        kind=kind,
        is_exercise=is_exercise or bool(event and event.is_exercise),
        reason=reason.strip(),
        event=event,
        request=request,
        meeting_at=meeting_at or timezone.now(),
        duration_minutes=forum.duration_minutes,
        bridge_number=(forum.bridge_number if bridge_number is None else bridge_number).strip(),
        bridge_pin=(forum.bridge_pin if bridge_pin is None else bridge_pin).strip(),
        rakel_talk_group=(
            forum.rakel_talk_group if rakel_talk_group is None else rakel_talk_group
        ).strip(),
        answer_within_minutes=forum.answer_within_minutes,
        step_minutes=forum.step_minutes,
        activated_by=by,
    )
    _check(activation, by=by)
    _save_with_free_code(activation)
    _call_everyone(activation)
    log.record(
        by=by,
        action="activation.opened",
        target=activation,
        summary=f"{forum.name} ({activation.code})",
        after=_snapshot(activation),
    )
    live.publish(topic=activation.topic, kind="activation", obj=activation)
    live.publish(topic=OVERVIEW_TOPIC, kind="activation", obj=activation)
    return activation


def _call_everyone(activation: Activation) -> None:
    actor_ids = callout.forum_actor_ids(activation.forum)
    kinds = callout.member_kinds(activation.forum, actor_ids)
    actors = Actor.objects.filter(pk__in=actor_ids).prefetch_related(
        callout.functions_with_people()
    )
    participants = callout.new_participants(activation, actors)
    _call(activation, participants, {p.actor_id: kinds[p.actor_id] for p in participants})


def _call(activation: Activation, participants, kinds: dict[int, set[str]]) -> None:
    """Call every participant's first step with somebody to call; an actor with nobody at all
    goes straight on the not-reached list."""
    calling = callout.CallOut(activation)
    now = timezone.now()
    moved = []
    for participant in participants:
        step = calling.call_from(participant, kinds[participant.actor_id], callout.FORUM_FUNCTION)
        if step != participant.step:
            participant.step = step
            if step == callout.NOT_REACHED:
                participant.not_reached_at = now
            moved.append(participant)
    calling.send()
    Participant.objects.bulk_update(moved, ["step", "not_reached_at"])
    if unreached := [p for p in participants if p.not_reached_at]:
        alerts.not_reached(activation, unreached)


@transaction.atomic
def activate(*, by: User, forum, **details) -> Activation:
    """TiB activates a forum directly (without a request)."""
    if not rules.can_activate(by):
        raise NotPermitted(_("Only the county board's TiB activates forums."))
    return open_activation(by=by, forum=forum, **details)


def _locked(by: User, activation: Activation) -> Activation:
    if not rules.can_activate(by):
        raise NotPermitted(_("Only the county board's TiB changes an activation."))
    return Activation.objects.select_for_update().get(pk=activation.pk)


def _open_locked(by: User, activation: Activation) -> Activation:
    activation = _locked(by, activation)
    if not activation.is_open:
        raise ValidationError(_("The activation is closed."))
    return activation


@transaction.atomic
def add_actors(*, by: User, activation: Activation, actors, reason: str = "") -> list[Participant]:
    """Widen the composition after an actor analysis: call the actors' forum functions (or
    their contact function) now."""
    activation = _open_locked(by, activation)
    present = set(activation.participants.values_list("actor_id", flat=True))
    wanted = [actor.pk for actor in actors if actor.pk not in present]
    if not wanted:
        raise ValidationError({"actors": _("Choose at least one actor not already called.")})
    found = callout.member_kinds(activation.forum, wanted)
    actors = Actor.objects.filter(pk__in=wanted, is_active=True).prefetch_related(
        callout.functions_with_people()
    )
    added = callout.new_participants(
        activation, actors, added_by_analysis=True, added_reason=reason.strip()[:300]
    )
    _call(
        activation, added, {p.actor_id: found[p.actor_id] or {FunctionKind.CONTACT} for p in added}
    )
    log.record(
        by=by,
        action="activation.actors_added",
        target=activation,
        summary=", ".join(p.actor.name for p in added),
        after={"actors": [p.actor.slug for p in added], "reason": reason.strip()},
    )
    live.publish(topic=activation.topic, kind="participant", obj=activation)
    return added


@transaction.atomic
def close_activation(*, by: User, activation: Activation) -> Activation:
    """Close the activation: answer links stop working and escalation stops."""
    activation = _locked(by, activation)
    if ActivationStatus.CLOSED not in TRANSITIONS[activation.status]:
        raise ValidationError(_("The activation is closed."))
    activation.status = ActivationStatus.CLOSED
    activation.closed_at = timezone.now()
    activation.closed_by = by
    activation.save(update_fields=["status", "closed_at", "closed_by", "updated_at"])
    log.record(
        by=by,
        action="activation.closed",
        target=activation,
        summary=f"{activation.forum.name} ({activation.code})",
        before={"status": ActivationStatus.OPEN},
        after={"status": ActivationStatus.CLOSED},
    )
    live.publish(topic=activation.topic, kind="activation", obj=activation)
    live.publish(topic=OVERVIEW_TOPIC, kind="activation", obj=activation)
    return activation
