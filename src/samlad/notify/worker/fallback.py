"""Trying the other channel: when an e-mail or SMS cannot be delivered (its attempts are used up,
or its provider is down), the same message goes out once on the other channel, as a new Delivery
linked by `fallback_of`, if the recipient has an address there.

Where the other address comes from, first found wins:
1. `fallback_address` given to outbox.enqueue(...) for this message;
2. the recipient user's e-mail address or mobile number."""

import hashlib
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from samlad.actors.phones import to_e164
from samlad.notify.models import EXERCISE_MARK, Channel, Delivery

User = get_user_model()
OTHER: dict[str, str] = {Channel.EMAIL: Channel.SMS, Channel.SMS: Channel.EMAIL}


def fallback_key(key: str) -> str:
    readable = f"{key}~fallback"
    if len(readable) <= 200:
        return readable
    return f"fallback:{hashlib.sha256(key.encode()).hexdigest()}"


def fall_back_many(deliveries: list[Delivery]) -> int:
    """Make the other-channel delivery for each of these that has an address for it (once per
    delivery: a second call adds nothing). Returns how many had an address."""
    candidates = [d for d in deliveries if d.channel in OTHER and d.fallback_of_id is None]
    if not candidates:
        return 0
    users = User.objects.in_bulk({d.recipient_user_id for d in candidates if d.recipient_user_id})
    now = timezone.now()
    rows = []
    for delivery in candidates:
        channel = OTHER[delivery.channel]
        address = address_for(delivery, channel, users.get(delivery.recipient_user_id))
        if address:
            rows.append(_fallback_row(delivery, channel, address, now))
    Delivery.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def _fallback_row(delivery: Delivery, channel: str, address: str, now: datetime) -> Delivery:
    subject, body = _texts(delivery, channel)
    return Delivery(
        idempotency_key=fallback_key(delivery.idempotency_key),
        channel=channel,
        address=address,
        topic=delivery.topic,
        subject=subject,
        body=body,
        recipient_user_id=delivery.recipient_user_id,
        recipient_actor_id=delivery.recipient_actor_id,
        cause_type_id=delivery.cause_type_id,
        cause_id=delivery.cause_id,
        exercise=delivery.exercise,
        attachments=delivery.attachments if channel == Channel.EMAIL else [],
        fallback_of_id=delivery.id,
        next_attempt_at=now,
    )


def address_for(delivery: Delivery, channel: str, user: Any = None) -> str:
    explicit = delivery.fallback_address.strip()
    if explicit and _looks_like(explicit) == channel:
        return to_e164(explicit, strict=False) if channel == Channel.SMS else explicit
    if user is None and delivery.recipient_user_id:
        user = User.objects.filter(pk=delivery.recipient_user_id).first()
    if user is None:
        return ""
    if channel == Channel.EMAIL:
        return user.email or ""
    return to_e164(user.phone, strict=False) if user.phone else ""


def _looks_like(address: str) -> str:
    return Channel.EMAIL if "@" in address else Channel.SMS


def _texts(delivery: Delivery, channel: str) -> tuple[str, str]:
    if channel == Channel.EMAIL:
        first_line = delivery.body.strip().split("\n", 1)[0]
        return first_line[:120], delivery.body
    body = delivery.body
    if delivery.subject and delivery.exercise and body.startswith(f"{EXERCISE_MARK}: "):
        body = body[len(EXERCISE_MARK) + 2 :]  # the subject line says it already
    text = "\n".join(part for part in (delivery.subject, body) if part)
    limit = int(settings.NOTIFY_SMS_MAX_CHARS)
    return "", text if len(text) <= limit else text[: limit - 1] + "…"
