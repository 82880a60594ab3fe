"""Putting messages in the outbox. Callers run inside their own transaction, so the delivery rows
commit (or roll back) together with what caused them; the worker is woken after the commit."""

from collections.abc import Sequence

from samlad.notify.models import Channel, Delivery

EXERCISE_MARK = "ÖVNING"


def enqueue(
    *,
    key: str,
    channel: str,
    address: str,
    topic: str,
    body: str,
    subject: str = "",
    user=None,
    actor=None,
    exercise: bool = False,
    attachments: Sequence[dict] = (),
    headers: dict | None = None,
) -> Delivery:
    """Add one message to the outbox, once: a second call with the same key returns the first
    row unchanged. Exercise messages say ÖVNING in the subject and the body."""
    if channel not in Channel.values:
        raise ValueError(f"unknown channel {channel!r}")
    if exercise:
        subject = _mark_exercise(subject) if subject else subject
        body = _mark_exercise(body)
    delivery, _created = Delivery.objects.get_or_create(
        idempotency_key=key,
        defaults={
            "channel": channel,
            "address": address,
            "topic": topic,
            "body": body,
            "subject": subject,
            "recipient_user": user,
            "recipient_actor": actor,
            "exercise": exercise,
            "attachments": list(attachments),
            "headers": headers or {},
        },
    )
    return delivery


def _mark_exercise(text: str) -> str:
    return text if text.startswith(EXERCISE_MARK) else f"{EXERCISE_MARK}: {text}"
