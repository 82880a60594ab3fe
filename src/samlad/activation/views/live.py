"""Live streams (Server-Sent Events) of the board and the overview. They say only *that*
something changed (kind and id); the page re-fetches its section, whose view applies the access
rules again.

The board also follows its messages' delivery states: the notify worker changes Delivery rows
without publishing, so the stream compares a fingerprint of them every DELIVERY_POLL_SECONDS and
sends a "delivery" message when it changed."""

import asyncio
from functools import partial

from asgiref.sync import sync_to_async
from django.db.models import Count, Max, Sum
from django.http import Http404

from samlad.activation import rules, selectors
from samlad.activation.services.activations import OVERVIEW_TOPIC
from samlad.core import live
from samlad.core.errors import NotFound
from samlad.core.models import Change
from samlad.notify.models import Delivery

DELIVERY_POLL_SECONDS = 1.0


def board_change(user_id: int, change: Change) -> dict | None:
    """Every member of the network may follow a board; asked afresh for each change."""
    user = live.viewer(user_id)
    if user is None or not rules.can_view_activations(user):
        return None
    return {"kind": change.kind, "public_id": change.object_id}


def overview_change(user_id: int, change: Change) -> dict | None:
    """Requests are told only to those who may see them."""
    user = live.viewer(user_id)
    if user is None or not rules.can_view_activations(user):
        return None
    if change.kind == "request":
        try:
            selectors.request_for(user, public_id=change.object_id)
        except NotFound:
            return None
    return {"kind": change.kind, "public_id": change.object_id}


def delivery_fingerprint(topic: str) -> tuple:
    """Changes whenever a message of `topic` is added, changes state or is tried again."""
    deliveries = Delivery.objects.filter(topic=topic)
    states = deliveries.values("status").annotate(n=Count("pk"), tries=Sum("attempts"))
    latest = deliveries.aggregate(changed=Max("updated_at"))["changed"]
    return tuple(sorted((s["status"], s["n"], s["tries"]) for s in states)), latest


def _viewer_and_activation(request, public_id):
    user = request.user
    try:
        return user, selectors.activation_for(user, public_id=public_id)
    except NotFound:
        return user, None


async def _merged(topic: str, after: int, render, *, deliveries: bool):
    """The changes of `topic`, and a "delivery" message whenever its deliveries change."""
    queue: asyncio.Queue[str] = asyncio.Queue()

    async def changes():
        async for message in live.follow(topic=topic, after_id=after, render=render):
            await queue.put(message)

    async def delivery_states():
        fingerprint = sync_to_async(live.releasing(delivery_fingerprint), thread_sensitive=True)
        last = await fingerprint(topic)
        while True:
            await asyncio.sleep(DELIVERY_POLL_SECONDS)
            now = await fingerprint(topic)
            if now != last:
                last = now
                await queue.put(live.sse_message(kind="delivery", data={"kind": "delivery"}))

    tasks = [asyncio.create_task(changes())]
    if deliveries:
        tasks.append(asyncio.create_task(delivery_states()))
    try:
        while True:
            yield await queue.get()
    finally:
        for task in tasks:
            task.cancel()


async def board_stream(request, public_id):
    """Signed-out visitors, and anyone outside the network, get 404."""
    user, activation = await sync_to_async(_viewer_and_activation)(request, public_id)
    if activation is None:
        raise Http404
    topic = activation.topic
    after = await sync_to_async(live.start_after)(request, topic)
    return live.event_stream(_merged(topic, after, partial(board_change, user.pk), deliveries=True))


def _overview_viewer(request):
    user = request.user
    return user if rules.can_view_activations(user) else None


async def overview_stream(request):
    user = await sync_to_async(_overview_viewer)(request)
    if user is None:
        raise Http404
    after = await sync_to_async(live.start_after)(request, OVERVIEW_TOPIC)
    return live.event_stream(
        _merged(OVERVIEW_TOPIC, after, partial(overview_change, user.pk), deliveries=False)
    )
