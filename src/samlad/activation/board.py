"""The call-out board of one activation: per actor, whether it is reached (a message accepted
by a provider, or an answer), answered and attending, each recipient's delivery state, the time
since activation against the forum's requirement, the not-reached list, and providers that are
failing. Contact details show only to those allowed (rules.can_see_contact_details, and the
access policy for classified contact points)."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from samlad.activation import rules
from samlad.activation.models import Activation, Answer, Participant, Recipient
from samlad.actors.selectors import swedish_sort_key
from samlad.core import access
from samlad.notify.models import Delivery, DeliveryStatus
from samlad.notify.selectors import ProviderStatus, caused_by, provider_status

ANSWER_ORDER = {Answer.ATTENDING: 0, Answer.LATER: 1, Answer.NOT_ATTENDING: 2}


@dataclass
class RecipientRow:
    recipient: Recipient
    deliveries: list[Delivery] = field(default_factory=list)
    email: str = ""
    phone: str = ""

    @property
    def reached(self) -> bool:
        return bool(self.recipient.answered_at) or any(
            d.status == DeliveryStatus.SENT for d in self.deliveries
        )


@dataclass
class ActorRow:
    participant: Participant
    recipients: list[RecipientRow]

    @property
    def actor(self):
        return self.participant.actor

    @property
    def answers(self) -> list[Recipient]:
        answered = [row.recipient for row in self.recipients if row.recipient.answer]
        return sorted(answered, key=lambda r: (ANSWER_ORDER[r.answer], r.eta or r.answered_at))

    @property
    def answer(self) -> Recipient | None:
        """The answer that counts for the actor: attending, else the earliest later, else no."""
        answers = self.answers
        return answers[0] if answers else None

    @property
    def reached(self) -> bool:
        return any(row.reached for row in self.recipients)

    @property
    def state(self) -> str:
        if self.answer is not None:
            return self.answer.answer
        if self.participant.not_reached_at:
            return "not_reached"
        return "reached" if self.reached else "waiting"


@dataclass
class ChannelHealth:
    """A channel's provider as the worker last found it, and this call-out's messages on it."""

    channel: str
    sent: int
    failing: int
    provider: ProviderStatus

    @property
    def down(self) -> bool:
        return self.provider.is_down

    @property
    def degraded(self) -> bool:
        return self.provider.is_degraded

    @property
    def since(self):
        return self.provider.since

    @property
    def last_error(self) -> str:
        return self.provider.last_error[:200]


@dataclass
class Board:
    activation: Activation
    rows: list[ActorRow]
    channels: list[ChannelHealth]
    now: object

    def count(self, state: str) -> int:
        return sum(1 for row in self.rows if row.state == state)

    @property
    def figures(self) -> dict:
        rows = self.rows
        return {
            "actors": len(rows),
            "reached": sum(1 for row in rows if row.reached),
            "answered": sum(1 for row in rows if row.answer is not None),
            "attending": self.count(Answer.ATTENDING),
            "later": self.count(Answer.LATER),
            "not_attending": self.count(Answer.NOT_ATTENDING),
            "not_reached": self.count("not_reached"),
            "waiting": sum(1 for row in rows if row.answer is None),
        }

    @property
    def not_reached(self) -> list[ActorRow]:
        return [row for row in self.rows if row.state == "not_reached"]

    @property
    def elapsed(self) -> timedelta:
        return self.now - self.activation.created_at

    @property
    def deadline(self):
        return self.activation.created_at + timedelta(minutes=self.activation.answer_within_minutes)

    @property
    def overdue(self) -> bool:
        return self.now > self.deadline and any(row.answer is None for row in self.rows)

    @property
    def channels_down(self) -> list[ChannelHealth]:
        return [channel for channel in self.channels if channel.down]

    @property
    def channels_degraded(self) -> list[ChannelHealth]:
        return [channel for channel in self.channels if channel.degraded]


def _deliveries_by_recipient(activation: Activation) -> dict[int, list[Delivery]]:
    """The call-out messages per recipient (its primary key), fallbacks included."""
    found: dict[int, list[Delivery]] = {}
    for delivery in caused_by(Recipient.objects.filter(activation=activation)):
        found.setdefault(delivery.cause_id, []).append(delivery)
    return found


def channel_health(activation: Activation) -> list[ChannelHealth]:
    """Per channel: the provider's state (ok, degraded or down, since when, its last error) from
    samlad.notify.selectors.provider_status, and this call-out's accepted and failing messages."""
    sent = Q(status=DeliveryStatus.SENT)
    counts = {
        row["channel"]: row
        for row in Delivery.objects.filter(topic=activation.topic)
        .exclude(attempts=0)
        .values("channel")
        .annotate(
            sent=Count("pk", filter=sent), failing=Count("pk", filter=~sent & ~Q(last_error=""))
        )
    }
    return [
        ChannelHealth(
            channel=channel,
            sent=counts.get(channel, {}).get("sent", 0),
            failing=counts.get(channel, {}).get("failing", 0),
            provider=provider_status(channel),
        )
        for channel in ("email", "sms")
    ]


def _contact_details(user, recipient: Recipient, *, allowed: bool) -> tuple[str, str]:
    if not allowed:
        return "", ""
    point = recipient.contact_point
    if point is not None and not access.can_view(user, point):
        return "", ""
    return recipient.email, recipient.phone


def board_for(user, activation: Activation) -> Board:
    """The board as `user` may see it (the caller has checked the activation)."""
    allowed = rules.can_see_contact_details(user)
    deliveries = _deliveries_by_recipient(activation)
    recipients = (
        Recipient.objects.filter(activation=activation)
        .select_related("function", "user", "contact_point", "answered_by")
        .order_by("step", "pk")
    )
    by_participant: dict[int, list[RecipientRow]] = {}
    shown_points = []
    for recipient in recipients:
        email, phone = _contact_details(user, recipient, allowed=allowed)
        if (email or phone) and recipient.contact_point is not None:
            shown_points.append(recipient.contact_point)
        row = RecipientRow(recipient, deliveries.get(recipient.pk, []), email, phone)
        by_participant.setdefault(recipient.participant_id, []).append(row)
    if shown_points:
        access.note_reads(user, shown_points, via="activation-board")
    participants = sorted(
        activation.participants.select_related("actor"),
        key=lambda p: swedish_sort_key(p.actor.name),
    )
    rows = [ActorRow(p, by_participant.get(p.pk, [])) for p in participants]
    return Board(activation, rows, channel_health(activation), timezone.now())
