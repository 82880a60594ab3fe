"""Putting messages in the outbox. Callers run inside their own transaction, so the delivery rows
commit (or roll back) together with what caused them; the worker is woken after the commit."""

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone

from samlad.actors.phones import to_e164
from samlad.core.bulk import copy_insert
from samlad.notify.models import EXERCISE_MARK, Channel, Delivery
from samlad.notify.worker.tasks import send_due

CHANNELS = frozenset(Channel.values)


def enqueue(
    *,
    key: str,
    channel: str,
    address: str,
    topic: str,
    body: str,
    subject: str = "",
    user: Model | None = None,
    actor: Model | None = None,
    exercise: bool = False,
    attachments: Sequence[dict[str, Any]] = (),
    headers: dict[str, str] | None = None,
    fallback_address: str = "",
    cause: Model | None = None,
) -> Delivery:
    """Add one message to the outbox, once: a second call with the same key returns the first
    row unchanged. Exercise messages say ÖVNING in the subject and the body. `fallback_address`
    is where to try on the other channel (e-mail ↔ SMS) if this one fails (see notify.fallback);
    `cause` the record it is written for (a saved model instance), found again by
    `Delivery.objects.filter(cause_type=…, cause_id=…)` (see notify.selectors.caused_by)."""
    message = Message(
        key=key,
        channel=channel,
        address=address,
        topic=topic,
        body=body,
        subject=subject,
        user=user,
        actor=actor,
        exercise=exercise,
        attachments=attachments,
        headers=headers,
        fallback_address=fallback_address,
        cause=cause,
    )
    row = message.row()
    delivery, created = Delivery.objects.get_or_create(
        idempotency_key=row.idempotency_key,
        defaults={
            f.attname: getattr(row, f.attname)
            for f in Delivery._meta.concrete_fields
            if f.attname not in ("id", "idempotency_key")
        },
    )
    if created:
        wake_after_commit()
    return delivery


@dataclass(frozen=True)
class Message:
    """One message for enqueue_many(); the fields are enqueue()'s arguments."""

    key: str
    channel: str
    address: str
    topic: str
    body: str
    subject: str = ""
    # The recipient user and actor and the cause, model instances (or None); read by primary
    # key only. Typed as object: callers hand them over in a dict of mixed fields.
    user: object = None
    actor: object = None
    exercise: bool = False
    attachments: Sequence[dict[str, Any]] = ()
    headers: dict[str, str] | None = field(default=None)
    fallback_address: str = ""
    cause: object = None

    def row(self) -> Delivery:
        if self.channel not in CHANNELS:
            raise ValueError(f"unknown channel {self.channel!r}")
        subject, body = self.subject, self.body
        # A webhook's body is signed JSON that carries "exercise" itself: never marked.
        if self.exercise and self.channel != Channel.WEBHOOK:
            subject = _mark_exercise(subject) if subject else subject
            body = _mark_exercise(body)
        address = self.address.strip()
        if self.channel == Channel.SMS:
            address = to_e164(address, strict=False)
        return Delivery(
            idempotency_key=stored_key(self.key),
            channel=self.channel,
            address=address,
            topic=self.topic,
            body=body,
            subject=subject,
            # By id: cheaper than the related objects, thousands of times in a fan-out.
            recipient_user_id=getattr(self.user, "pk", None),
            recipient_actor_id=getattr(self.actor, "pk", None),
            exercise=self.exercise,
            attachments=list(self.attachments),
            headers=self.headers or {},
            fallback_address=self.fallback_address,
            cause_type_id=_type_id(self.cause),
            cause_id=getattr(self.cause, "pk", None),
            next_attempt_at=timezone.now(),
        )


def _type_id(record: object) -> int | None:
    if record is None:
        return None
    assert isinstance(record, Model)  # a message's cause is a model instance
    if record.pk is None:
        raise ValueError("a message's cause must be saved first")
    return ContentType.objects.get_for_model(record).pk


def enqueue_many(messages: Iterable[Message]) -> int:
    """Add many messages at once (a call-out to thousands), each once as with enqueue(): keys
    already in the outbox are left as they are. Returns how many were new."""
    rows: dict[str, Delivery] = {}
    for message in messages:
        rows.setdefault(message.key, message.row())
    added = _insert_new(list(rows.values()))
    if added:
        wake_after_commit()
    return added


def _insert_new(rows: list[Delivery]) -> int:
    """Insert the rows whose idempotency key is new (COPY on PostgreSQL: samlad.core.bulk);
    returns how many were inserted."""
    if not rows:
        return 0
    for row in rows:
        row.updated_at = row.updated_at or row.created_at  # auto_now, as save() would
    if connection.vendor == "postgresql":
        with transaction.atomic():
            return copy_insert(Delivery, rows, conflict="(idempotency_key)")
    added = 0
    for start in range(0, len(rows), 1000):
        batch = rows[start : start + 1000]
        keys = [row.idempotency_key for row in batch]
        known = set(
            Delivery.objects.filter(idempotency_key__in=keys).values_list(
                "idempotency_key", flat=True
            )
        )
        new = {row.idempotency_key: row for row in batch if row.idempotency_key not in known}
        Delivery.objects.bulk_create(list(new.values()), ignore_conflicts=True)
        added += len(new)
    return added


def _key_length() -> int:
    length = Delivery._meta.get_field("idempotency_key").max_length
    assert length is not None  # the column has a length, and keys are made to fit it
    return length


KEY_LENGTH = _key_length()


def stored_key(key: str) -> str:
    """The key as stored: as given when it fits the column, else its beginning and a digest of
    the whole (a key naming many actors or a long address must still mean once, not fail)."""
    if len(key) <= KEY_LENGTH:
        return key
    digest = hashlib.sha256(key.encode()).hexdigest()
    return f"{key[: KEY_LENGTH - len(digest) - 1]}#{digest}"


def wake_after_commit() -> None:
    """Have the worker send soon after the current transaction commits (once per transaction)."""
    # Each entry is (savepoint ids, callback, robust).
    if any(entry[1] is _wake for entry in connection.run_on_commit):
        return
    transaction.on_commit(_wake)


def _wake() -> None:
    send_due.enqueue()


def _mark_exercise(text: str) -> str:
    return text if text.startswith(EXERCISE_MARK) else f"{EXERCISE_MARK}: {text}"
