"""Forums that meet on a weekly rhythm and are called out automatically (the Thursday
conference): each meeting is called out once, `call_out_lead_minutes` ahead; the call-out
closes itself a while after the meeting has ended."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from samlad.activation.models import Activation, ActivationKind, ActivationStatus, Forum
from samlad.activation.services.activations import OVERVIEW_TOPIC, open_activation
from samlad.core import live, log

CLOSE_AFTER_MEETING = timedelta(hours=2)


def next_meeting(forum: Forum, now) -> datetime:
    """The forum's next weekly meeting that has not started yet (Stockholm wall-clock time)."""
    zone = ZoneInfo(settings.TIME_ZONE)
    local = now.astimezone(zone)
    days = (forum.rhythm_weekday - local.weekday()) % 7
    day = local.date() + timedelta(days=days)
    meeting = datetime.combine(day, forum.rhythm_time, tzinfo=zone)
    if meeting <= now:
        meeting = datetime.combine(day + timedelta(days=7), forum.rhythm_time, tzinfo=zone)
    return meeting


def weekly_forums():
    """The active forums called out automatically on a weekly rhythm (a weekday and a time set)."""
    return Forum.objects.filter(
        is_active=True,
        auto_call_out=True,
        rhythm_weekday__isnull=False,
        rhythm_time__isnull=False,
    )


def call_out_due(now=None) -> list[Activation]:
    """Call out every weekly meeting whose lead time has begun and that is not called out."""
    now = now or timezone.now()
    opened = []
    for forum in weekly_forums():
        meeting = next_meeting(forum, now)
        if now < meeting - timedelta(minutes=forum.call_out_lead_minutes):
            continue
        if Activation.objects.filter(
            forum=forum, kind=ActivationKind.SCHEDULED, meeting_at=meeting
        ).exists():
            continue
        try:
            with transaction.atomic():
                opened.append(
                    open_activation(
                        by=None, forum=forum, kind=ActivationKind.SCHEDULED, meeting_at=meeting
                    )
                )
        except IntegrityError:
            continue  # another worker called it out first
    return opened


def close_past_meetings(now=None) -> int:
    """Close scheduled call-outs whose meeting ended a while ago (their links stop working)."""
    now = now or timezone.now()
    closed = 0
    for activation in Activation.objects.filter(
        kind=ActivationKind.SCHEDULED, status=ActivationStatus.OPEN, meeting_at__lt=now
    ).select_related("forum"):
        ends = activation.meeting_at + timedelta(minutes=activation.duration_minutes)
        if now < ends + CLOSE_AFTER_MEETING:
            continue
        with transaction.atomic():
            changed = Activation.objects.filter(
                pk=activation.pk, status=ActivationStatus.OPEN
            ).update(status=ActivationStatus.CLOSED, closed_at=now, updated_at=now)
            if changed:
                log.record(
                    by=None,
                    action="activation.closed",
                    target=activation,
                    summary=f"{activation.forum.name} ({activation.code})",
                    after={"status": ActivationStatus.CLOSED, "automatic": True},
                )
                live.publish(topic=activation.topic, kind="activation", obj=activation)
                live.publish(topic=OVERVIEW_TOPIC, kind="activation", obj=activation)
                closed += 1
    return closed
