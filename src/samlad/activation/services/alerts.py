"""Messages to TiB on duty (a new request, actors not reached) and back to a requester. "Every
channel": the e-mail and mobile of the person on duty, and the TiB function's own contact
points; with nobody on duty, the county board's 24/7 contact points."""

from django.conf import settings
from django.utils import timezone

from samlad.accounts.models import User
from samlad.activation import texts
from samlad.actors.models import (
    ActorKind,
    ContactChannel,
    ContactPoint,
    FunctionAssignment,
    FunctionKind,
)
from samlad.notify.outbox import enqueue


def tib_on_duty():
    """The person on duty as TiB: call-out order 1 of the county board's TiB function."""
    assignment = (
        FunctionAssignment.objects.filter(
            function__kind=FunctionKind.TIB,
            function__actor__kind=ActorKind.COUNTY_BOARD,
            function__actor__is_active=True,
            user__is_active=True,
        )
        .select_related("user")
        .order_by("position", "pk")
        .first()
    )
    return assignment.user if assignment else None


def _points(kind: str):
    return ContactPoint.objects.filter(
        function__kind=kind,
        function__actor__kind=ActorKind.COUNTY_BOARD,
        channel__in=[ContactChannel.EMAIL, ContactChannel.PHONE],
    ).order_by("position", "pk")


def _addresses() -> list[tuple[str, str, User | None]]:
    """(channel, address, user) for every way to reach TiB now."""
    found = []
    tib = tib_on_duty()
    if tib is not None:
        if tib.email:
            found.append(("email", tib.email, tib))
        if tib.phone:
            found.append(("sms", str(tib.phone.as_e164), tib))
    points = list(_points(FunctionKind.TIB)) or (
        [] if found else list(_points(FunctionKind.CONTACT))
    )
    for point in points:
        channel = "email" if point.channel == ContactChannel.EMAIL else "sms"
        if (channel, point.value) not in {(c, a) for c, a, _u in found}:
            found.append((channel, point.value, None))
    return found


def to_tib(*, key: str, topic: str, subject: str, body: str, sms: str, exercise: bool) -> int:
    """Alert TiB on every channel; returns how many messages went into the outbox."""
    count = 0
    for channel, address, user in _addresses():
        enqueue(
            key=f"{key}:{channel}:{address}",
            channel=channel,
            address=address,
            topic=topic,
            subject=subject if channel == "email" else "",
            body=body if channel == "email" else sms,
            user=user,
            actor=getattr(user, "actor", None),
            exercise=exercise,
        )
        count += 1
    return count


def to_person(*, key: str, topic: str, user, subject: str, body: str, sms: str, exercise: bool):
    """An e-mail and an SMS to one person (e.g. the requester)."""
    if user.email:
        enqueue(
            key=f"{key}:email",
            channel="email",
            address=user.email,
            topic=topic,
            subject=subject,
            body=body,
            user=user,
            actor=user.actor,
            exercise=exercise,
        )
    if user.phone:
        enqueue(
            key=f"{key}:sms",
            channel="sms",
            address=str(user.phone.as_e164),
            topic=topic,
            body=sms,
            user=user,
            actor=user.actor,
            exercise=exercise,
        )


def board_url(activation) -> str:
    """The absolute link to an activation's board, put in the messages about it."""
    from django.urls import reverse

    return f"{settings.SITE_URL}{reverse('activation:board', args=[activation.public_id])}"


def not_reached(activation, participants) -> None:
    """Tell TiB which actors nobody could reach (once per actor and activation)."""
    actors = sorted(p.actor.name for p in participants)
    ids = "-".join(str(p.actor_id) for p in sorted(participants, key=lambda p: p.actor_id))
    context = {
        "a": activation,
        "actors": actors,
        "url": board_url(activation),
        "at": timezone.now(),
    }
    to_tib(
        key=f"activation:{activation.public_id}:not-reached:{ids}",
        topic=activation.topic,
        subject=texts.render("not_reached_subject.txt", context),
        body=texts.render("not_reached_email.txt", context),
        sms=texts.render("not_reached_sms.txt", context),
        exercise=activation.is_exercise,
    )
