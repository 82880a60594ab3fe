"""Digests: the notices a user chose to get in a digest wait as DigestItems; a periodic job sends
each user one message per channel with all of them."""

from dataclasses import dataclass
from itertools import groupby

from django.db import transaction

from samlad.core import access
from samlad.notices.models import DigestItem, Notice
from samlad.notices.services import messages
from samlad.notify.outbox import enqueue


@dataclass(frozen=True)
class _Line:
    notice: Notice
    version: int
    url: str


def send_digests() -> int:
    """Put one digest per user and channel in the outbox; returns how many."""
    pending = (
        DigestItem.objects.filter(digest_key="")
        .order_by("user_id", "channel", "id")
        .values_list("user_id", "channel", "id")
    )
    sent = 0
    for (user_id, channel), rows in groupby(pending, key=lambda row: row[:2]):
        sent += _send_one(user_id, channel, [row[2] for row in rows])
    return sent


@transaction.atomic
def _send_one(user_id: int, channel: str, item_ids: list[int]) -> int:
    items = list(
        DigestItem.objects.select_for_update(of=("self",))
        .filter(pk__in=item_ids, digest_key="")
        .select_related("user__actor", "notice__owner_actor")
        .order_by("id")
    )
    if not items:
        return 0
    user = items[0].user
    key = f"notice-digest:u{user.pk}:{channel}:{items[0].pk}-{items[-1].pk}"
    DigestItem.objects.filter(pk__in=[i.pk for i in items]).update(digest_key=key)
    lines = [
        _Line(i.notice, i.version, messages.notice_url(i.notice))
        for i in items
        if access.can_view(user, i.notice)
    ]
    address = user.email if channel == "email" else str(user.phone or "")
    if not lines or not address:
        return 0
    subject, body = messages.digest(lines)
    enqueue(
        key=key,
        channel=channel,
        address=address,
        topic="notice-digest",
        subject=subject if channel == "email" else "",
        body=body,
        user=user,
        actor=user.actor,
        exercise=all(line.notice.is_exercise for line in lines),
    )
    return 1
