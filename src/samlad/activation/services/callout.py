"""Who is called for an actor at each escalation step, and their messages in the outbox.

Steps (Participant.step):
  0 the forum's function(s) of the actor: the person on duty (call-out order 1), and the 24/7
    contact points when the function is the contact function;
  1 the same functions' deputies (call-out order 2 and on);
  2 the actor's 24/7 contact function: everyone staffing it and its contact points;
  3 not reached: the actor is on the "not reached" list and TiB is alerted.
A step with nobody new to call is passed over at once."""

from dataclasses import dataclass

import phonenumbers
from django.db.models import Prefetch, Q
from django.utils import timezone

from samlad.activation import invite, links, texts
from samlad.activation.models import Activation, Participant, Recipient
from samlad.actors.models import (
    ContactChannel,
    ContactPoint,
    Function,
    FunctionAssignment,
    FunctionKind,
)
from samlad.notify.outbox import Message, enqueue_many

FORUM_FUNCTION, DEPUTIES, CONTACT_FUNCTION, NOT_REACHED = 0, 1, 2, 3
SMS_NUMBER_TYPES = {
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}


@dataclass(frozen=True)
class Target:
    """One way to reach a function in a call-out: a person or a contact point, with the address
    and phone to use."""

    function: Function
    name: str
    email: str = ""
    phone: str = ""
    user: object = None
    contact_point: ContactPoint | None = None


def functions_with_people() -> Prefetch:
    """Prefetches each actor's functions with their active people and e-mail and phone contact
    points, in call-out order."""
    assignments = (
        FunctionAssignment.objects.filter(user__is_active=True)
        .select_related("user")
        .order_by("position", "user__username")
    )
    points = ContactPoint.objects.filter(
        channel__in=[ContactChannel.EMAIL, ContactChannel.PHONE]
    ).order_by("position", "pk")
    return Prefetch(
        "functions",
        queryset=Function.objects.prefetch_related(
            Prefetch("assignments", queryset=assignments, to_attr="people"),
            Prefetch("contact_points", queryset=points, to_attr="points"),
        ),
        to_attr="staffed_functions",
    )


def member_kinds(forum, actor_ids) -> dict[int, set[str]]:
    """The forum's function kinds for each of these actors."""
    kinds: dict[int, set[str]] = {actor_id: set() for actor_id in actor_ids}
    for member in forum.members.all():
        for actor_id in [member.actor_id] if member.actor_id else actor_ids:
            if actor_id in kinds:
                kinds[actor_id].add(member.function_kind)
    return kinds


def forum_actor_ids(forum) -> list[int]:
    """The active actors that have at least one of the forum's functions."""
    from samlad.actors.models import Actor

    every = [m.function_kind for m in forum.members.all() if m.actor_id is None]
    named = [m.actor_id for m in forum.members.all() if m.actor_id]
    wanted = Q(pk__in=named) | Q(functions__kind__in=every)
    return list(
        Actor.objects.filter(wanted, is_active=True).distinct().values_list("pk", flat=True)
    )


def _phone(value) -> str:
    return str(getattr(value, "as_e164", value) or "")


def _takes_sms(number: str) -> bool:
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.number_type(parsed) in SMS_NUMBER_TYPES


def _person(function, assignment) -> Target:
    user = assignment.user
    return Target(
        function=function,
        name=f"{user.get_full_name() or user.username}",
        email=user.email,
        phone=_phone(user.phone),
        user=user,
    )


def _point(function, point: ContactPoint) -> Target:
    is_email = point.channel == ContactChannel.EMAIL
    return Target(
        function=function,
        name=point.label or point.get_channel_display(),
        email=point.value if is_email else "",
        phone=point.value if not is_email and _takes_sms(point.value) else "",
        contact_point=point,
    )


def targets(actor, kinds: set[str], step: int) -> list[Target]:
    """Everyone to call for `actor` at `step` (before leaving out who was called already)."""
    functions = {f.kind: f for f in actor.staffed_functions}
    found: list[Target] = []
    if step == CONTACT_FUNCTION:
        contact = functions.get(FunctionKind.CONTACT)
        if contact is not None:
            found += [_person(contact, a) for a in contact.people]
            found += [_point(contact, p) for p in contact.points]
        return found
    for kind in sorted(kinds):
        function = functions.get(kind)
        if function is None:
            continue
        people = function.people[:1] if step == FORUM_FUNCTION else function.people[1:]
        found += [_person(function, a) for a in people]
        if step == FORUM_FUNCTION and kind == FunctionKind.CONTACT:
            found += [_point(function, p) for p in function.points]
    return found


class CallOut:
    """One round of calling for an activation. It remembers who was called already (nobody is
    called twice in an activation, by person, contact point or address), collects the new
    recipients, then writes them and their messages in one go (`send`)."""

    def __init__(self, activation: Activation):
        self.activation = activation
        existing = Recipient.objects.filter(activation=activation)
        rows = existing.values_list("user_id", "contact_point_id", "email", "phone")
        self.users = {user for user, _p, _e, _ph in rows if user}
        self.points = {point for _u, point, _e, _ph in rows if point}
        self.addresses = {a for _u, _p, email, phone in rows for a in (email, phone) if a}
        self.pending: list[Recipient] = []

    def _is_new(self, target: Target) -> bool:
        if target.user is not None and target.user.pk in self.users:
            return False
        return target.contact_point is None or target.contact_point.pk not in self.points

    def add(self, participant: Participant, found: list[Target], *, step: int) -> int:
        """Take the new ones among `found` as recipients; returns how many."""
        added = 0
        for target in filter(self._is_new, found):
            email = "" if target.email in self.addresses else target.email
            phone = "" if target.phone in self.addresses else target.phone
            if not (email or phone):
                continue
            self.pending.append(
                Recipient(
                    activation=self.activation,
                    participant=participant,
                    function=target.function,
                    user=target.user,
                    contact_point=target.contact_point,
                    name=target.name[:200],
                    email=email,
                    phone=phone,
                    step=step,
                    link_nonce=links.new_nonce(),
                )
            )
            if target.user is not None:
                self.users.add(target.user.pk)
            if target.contact_point is not None:
                self.points.add(target.contact_point.pk)
            self.addresses |= {email, phone} - {""}
            added += 1
        return added

    def call_from(self, participant: Participant, kinds: set[str], step: int) -> int:
        """Call the first step from `step` on that has somebody new to call; returns that step,
        or NOT_REACHED when nobody is left."""
        while step < NOT_REACHED:
            if self.add(participant, targets(participant.actor, kinds, step), step=step):
                return step
            step += 1
        return NOT_REACHED

    def send(self) -> list[Recipient]:
        """Write the new recipients and put their messages in the outbox."""
        recipients = Recipient.objects.bulk_create(self.pending)
        self.pending = []
        with texts.network_language():
            words = texts.CallOutWords(self.activation)
            enqueue_many(
                message
                for recipient in recipients
                for message in call_out_messages(self.activation, recipient, words)
            )
        return recipients


def call_out_messages(activation: Activation, recipient: Recipient, words) -> list[Message]:
    """One e-mail (with the invite) and one SMS per recipient, at most: the idempotency key is
    the activation, the recipient and the channel."""
    url = links.url_for(recipient)
    common = {
        "topic": activation.topic,
        "user": recipient.user,
        "actor": recipient.participant.actor,
        "exercise": activation.is_exercise,
        "cause": recipient,
    }
    key = f"activation:{activation.public_id}:{recipient.public_id}"
    messages = []
    if recipient.email:
        messages.append(
            Message(
                key=f"{key}:email",
                channel="email",
                address=recipient.email,
                subject=words.subject,
                body=words.email(recipient, url),
                attachments=[invite.attachment(activation, recipient, answer_url=url)],
                **common,
            )
        )
    if recipient.phone:
        messages.append(
            Message(
                key=f"{key}:sms",
                channel="sms",
                address=recipient.phone,
                body=words.sms(recipient, url),
                **common,
            )
        )
    return messages


def new_participants(activation: Activation, actors, **extra) -> list[Participant]:
    """The actors put on the activation's call-out list, now."""
    now = timezone.now()
    actors = list(actors)
    participants = Participant.objects.bulk_create(
        Participant(activation=activation, actor=actor, called_at=now, step_started_at=now, **extra)
        for actor in actors
    )
    for participant, actor in zip(participants, actors, strict=True):
        participant.actor = actor
    return participants
