"""Live updates. Services append a Change row inside their transaction (`publish`); open pages
follow a topic through Server-Sent Events (`follow`), which reads the rows after the last id it
sent and asks the caller, per row, whether this viewer may see the object before sending it.

Within one process a commit wakes the followers at once; across processes (the worker, other
instances) a follower polls every POLL_SECONDS, so an update shows within about a second."""

import asyncio
import functools
import json
import threading
from collections.abc import AsyncIterator, Callable
from typing import Any, ParamSpec, TypeVar

from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Model
from django.http import HttpRequest, StreamingHttpResponse

from samlad.core.models import Change

P = ParamSpec("P")
R = TypeVar("R")

POLL_SECONDS = 1.0
KEEPALIVE_SECONDS = 15.0

_waiters: dict[str, set[tuple[asyncio.AbstractEventLoop, asyncio.Event]]] = {}
_lock = threading.Lock()


def publish(*, topic: str, kind: str, obj: Model) -> Change:
    """Record that `obj` was added to `topic`; followers are woken when the transaction commits."""
    change = Change.objects.create(
        topic=topic,
        kind=kind,
        object_type=obj._meta.label_lower,
        object_id=str(getattr(obj, "public_id", obj.pk)),
    )
    transaction.on_commit(lambda: _wake(topic))
    return change


def latest_change_id(topic: str) -> int:
    """The id a new follower starts after, so it gets only what happens from now on."""
    last = Change.objects.filter(topic=topic).order_by("-id").values_list("id", flat=True).first()
    return last or 0


def viewer(user_id: int) -> Any:
    """The user following a stream, read afresh (with their actor) for each change: their
    account may have changed since the stream opened. None once the account is gone."""
    return get_user_model().objects.select_related("actor").filter(pk=user_id).first()


def start_after(request: HttpRequest, topic: str) -> int:
    """The change a stream starts after: the last one this browser got (Last-Event-ID, on
    reconnect), else the last one as of when the page was rendered (?efter=), else now."""
    for value in (request.headers.get("Last-Event-ID"), request.GET.get("efter")):
        if value is not None and value.isascii() and value.isdigit():
            return int(value)
    return latest_change_id(topic)


def event_stream(messages: AsyncIterator[str]) -> StreamingHttpResponse:
    """The response that carries a stream's messages, unbuffered and never cached."""
    response = StreamingHttpResponse(messages, content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"
    return response


def release_connection() -> None:
    """Hand this thread's database connection back to its pool, if it came from one (PostgreSQL
    in production): a page open for hours must not hold a connection between polls. Without a
    pool the connection stays open, as reconnecting every second would cost more."""
    if getattr(connection, "pool", None) is not None and not connection.in_atomic_block:
        connection.close()


def releasing(function: Callable[P, R]) -> Callable[P, R]:
    """`function`, handing the database connection back when it is done (for streams)."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return function(*args, **kwargs)
        finally:
            release_connection()

    return run


def _wake(topic: str) -> None:
    with _lock:
        waiters = list(_waiters.get(topic, ()))
    for loop, event in waiters:
        loop.call_soon_threadsafe(event.set)


def _changes_after(topic: str, after_id: int) -> list[Change]:
    return list(Change.objects.filter(topic=topic, id__gt=after_id).order_by("id")[:200])


def sse_message(*, kind: str, data: dict[str, Any], message_id: int | None = None) -> str:
    lines = []
    if message_id is not None:
        lines.append(f"id: {message_id}")
    lines.append(f"event: {kind}")
    lines.append(f"data: {json.dumps(data, ensure_ascii=False)}")
    return "\n".join(lines) + "\n\n"


async def follow(
    *, topic: str, after_id: int, render: Callable[[Change], dict[str, Any] | None]
) -> AsyncIterator[str]:
    """Yield SSE messages for the changes on `topic` after `after_id`. `render` runs in a thread
    with database access and returns the message data, or None when this viewer may not see it
    (then nothing at all is sent for that change)."""
    loop = asyncio.get_running_loop()
    woken = asyncio.Event()
    with _lock:
        _waiters.setdefault(topic, set()).add((loop, woken))
    render_async = sync_to_async(releasing(render), thread_sensitive=True)
    fetch = sync_to_async(releasing(_changes_after), thread_sensitive=True)
    try:
        yield "retry: 2000\n\n"
        idle = 0.0
        while True:
            for change in await fetch(topic, after_id):
                after_id = change.id
                data = await render_async(change)
                if data is not None:
                    yield sse_message(kind=change.kind, data=data, message_id=change.id)
                    idle = 0.0
            woken.clear()
            try:
                await asyncio.wait_for(woken.wait(), timeout=POLL_SECONDS)
            except TimeoutError:
                idle += POLL_SECONDS
            if idle >= KEEPALIVE_SECONDS:
                yield ": keepalive\n\n"
                idle = 0.0
    finally:
        with _lock:
            _waiters.get(topic, set()).discard((loop, woken))
