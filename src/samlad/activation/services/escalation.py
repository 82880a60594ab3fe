"""Escalation: an actor that has not answered within a step (the forum's escalation step, at
most its answer requirement) has its next contacts called: the function's deputies, then the
actor's 24/7 contact function. When nobody new is left to call and the requirement has passed,
the actor goes on the "not reached" list and TiB is alerted.

Run by a periodic job; safe to run twice or late: each participant is advanced under a row lock,
and only if it is still due and unanswered."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from samlad.activation.models import Activation, ActivationStatus, Participant
from samlad.activation.services import alerts, callout
from samlad.actors.models import Actor, FunctionKind
from samlad.core import live


def _due(activation: Activation, now):
    return Participant.objects.filter(
        activation=activation,
        answered_at=None,
        step__lt=callout.NOT_REACHED,
        step_started_at__lte=now - timedelta(minutes=activation.step_minutes),
    )


def escalate_due(now=None) -> int:
    """Advance every unanswered actor whose step has run out; returns how many moved."""
    now = now or timezone.now()
    moved = 0
    for activation in Activation.objects.filter(status=ActivationStatus.OPEN).select_related(
        "forum"
    ):
        if _due(activation, now).exists():
            moved += _escalate(activation, now)
    return moved


@transaction.atomic
def _escalate(activation: Activation, now) -> int:
    participants = list(_due(activation, now).select_for_update().order_by("pk"))
    if not participants:
        return 0
    actor_ids = [p.actor_id for p in participants]
    actors = Actor.objects.filter(pk__in=actor_ids).prefetch_related(
        callout.functions_with_people()
    )
    by_id = {actor.pk: actor for actor in actors}
    kinds = callout.member_kinds(activation.forum, actor_ids)
    calling = callout.CallOut(activation)
    unreached = []
    for participant in participants:
        participant.actor = by_id[participant.actor_id]
        participant.activation = activation
        _advance(calling, participant, kinds[participant.actor_id] or {FunctionKind.CONTACT}, now)
        if participant.not_reached_at:
            unreached.append(participant)
    calling.send()
    Participant.objects.bulk_update(participants, ["step", "step_started_at", "not_reached_at"])
    if unreached:
        alerts.not_reached(activation, unreached)
    live.publish(topic=activation.topic, kind="participant", obj=activation)
    return len(participants)


def _advance(calling, participant: Participant, kinds: set[str], now) -> None:
    activation = participant.activation
    step = calling.call_from(participant, kinds, participant.step + 1)
    deadline = participant.called_at + timedelta(minutes=activation.answer_within_minutes)
    if step == callout.NOT_REACHED and now < deadline:
        # Nobody new to call: wait at the last step until the requirement has passed.
        participant.step = callout.CONTACT_FUNCTION
        participant.step_started_at = deadline - timedelta(minutes=activation.step_minutes)
    else:
        participant.step = step
        participant.step_started_at = now
        if step == callout.NOT_REACHED:
            participant.not_reached_at = now
