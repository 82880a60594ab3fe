"""What a message in the outbox is about (its source: a notice, a meeting, an event's picture, an
activation), and whether the one looking at the outbox may read its text. A message about a
restricted or confidential record shows only that it has a text and the record's
classification, unless the viewer may see the record itself; a confidential record's text that
is shown is logged as a read, as everywhere else."""

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.apps import apps

from samlad.core import access
from samlad.core.models import Classification
from samlad.notify.models import Delivery

if TYPE_CHECKING:
    from samlad.accounts.models import User

# A classified record (samlad.core.models.Classified: a notice, a meeting, an event), read
# through the access policy; typed loosely, as the records come from several apps.
Record = Any

_RANK = {Classification.OPEN: 0, Classification.RESTRICTED: 1, Classification.CONFIDENTIAL: 2}


@dataclass
class _Source:
    classification: str
    visible: bool
    records: list[Record]  # the classified records the text comes from


def _public_ids(deliveries: Iterable[Delivery], prefix: str) -> dict[str, list[Delivery]]:
    wanted: dict[str, list[Delivery]] = {}
    for delivery in deliveries:
        kind, _, public_id = delivery.topic.partition(":")
        if kind != prefix:
            continue
        try:
            public_id = str(uuid.UUID(public_id))
        except ValueError:
            continue  # not a record's (e.g. a demo's own topic)
        wanted.setdefault(public_id, []).append(delivery)
    return wanted


def _of_records(user: "User", records: list[Record | None]) -> _Source:
    """The source made of `records` (classified ones; None for none): its strictest
    classification, visible only if every record is."""
    found = [record for record in records if record is not None]
    if not found:
        return _Source(Classification.OPEN, True, [])
    strictest = max((record.classification for record in found), key=_RANK.__getitem__)
    visible = all(access.can_view(user, record) for record in found)
    return _Source(strictest, visible, found)


def _by_topic(
    user: "User",
    deliveries: list[Delivery],
    prefix: str,
    model: str,
    classified: Callable[[Record], Record | None],
) -> dict[int, _Source]:
    """The sources of the deliveries whose topic is `prefix:<public id>` of `model`;
    `classified(record)` gives the classified record behind it (or None)."""
    wanted = _public_ids(deliveries, prefix)
    if not wanted:
        return {}
    found = apps.get_model(model).objects.filter(public_id__in=list(wanted))
    sources = {}
    for record in found:
        source = _of_records(user, [classified(record)])
        for delivery in wanted.get(str(record.public_id), []):
            sources[delivery.pk] = source
    return sources


def _meetings(user: "User", deliveries: list[Delivery]) -> dict[int, _Source]:
    from samlad.meetings import selectors

    sources = _by_topic(user, deliveries, "meeting", "meetings.Meeting", lambda m: m)
    visible = set(
        selectors.visible_meeting_ids(user)
        .filter(pk__in=[r.pk for s in sources.values() for r in s.records])
        .values_list("pk", flat=True)
    )
    for source in sources.values():  # a meeting of an event is seen only with the event
        source.visible = source.visible and all(r.pk in visible for r in source.records)
    return sources


def _digests(user: "User", deliveries: list[Delivery]) -> dict[int, _Source]:
    digests = [d for d in deliveries if d.topic == "notice-digest"]
    if not digests:
        return {}
    items = apps.get_model("notices.DigestItem").objects.filter(
        digest_key__in=[d.idempotency_key for d in digests]
    )
    notices: dict[str, list[Record | None]] = {}
    for item in items.select_related("notice"):
        notices.setdefault(item.digest_key, []).append(item.notice)
    return {d.pk: _of_records(user, notices.get(d.idempotency_key, [])) for d in digests}


def _sources(user: "User", deliveries: list[Delivery]) -> dict[int, _Source]:
    sources: dict[int, _Source] = {}
    sources.update(_by_topic(user, deliveries, "notice", "notices.Notice", lambda n: n))
    sources.update(_meetings(user, deliveries))
    sources.update(_by_topic(user, deliveries, "picture", "events.PictureVersion", _event))
    sources.update(_by_topic(user, deliveries, "activation", "activation.Activation", _event))
    sources.update(
        _by_topic(user, deliveries, "activation-request", "activation.ActivationRequest", _event)
    )
    sources.update(_digests(user, deliveries))
    return sources


def _event(record: Record) -> Record | None:
    return record.event


def mark_hidden_texts(user: "User", deliveries: list[Delivery]) -> None:
    """Set `hidden_as` on each of `deliveries` (the classification of its source when `user`
    may not read its text, else "") and log the reads of confidential sources shown."""
    sources = _sources(user, deliveries)
    shown: list[Record] = []
    for delivery in deliveries:
        source = sources.get(delivery.pk)
        if source is None:
            delivery.hidden_as = ""
            continue
        hidden = not source.visible and source.classification != Classification.OPEN
        delivery.hidden_as = source.classification if hidden else ""
        if not hidden:
            shown.extend(source.records)
    access.note_reads(user, list({id(r): r for r in shown}.values()), via="outbox")
