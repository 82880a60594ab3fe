"""A cap on how many requests one server process works on at once.

Django runs each request's synchronous code in a thread of its own, and those threads share one
interpreter lock: fifty requests at once each take about fifty times as long, and hold fifty
database connections. Behind the cap, requests wait their turn (first come, first served)
before Django starts on them, so a request takes about its own time once started, and the
waiting shows as waiting, not as a slow server.

A place is never held while waiting on a client. The request body is read in full before the
request queues for a place (within `body_timeout` seconds and `max_body_bytes` bytes: a client
too slow is answered 408, a body too large 413, both as problem documents), and the place is
given up when the response starts, so neither a client sending a byte a second nor one reading
the answer slowly, nor a Server-Sent Events stream open for hours, keeps others waiting."""

import asyncio
import json
import weakref
from collections.abc import Awaitable, Callable, Mapping
from http import HTTPStatus
from typing import Any

# The ASGI interface's shapes, as Django's ASGI handler takes them.
Scope = dict[str, Any]
Message = Mapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class _TooLarge(Exception):
    pass


class _ClientGone(Exception):
    pass


def limit_requests(
    app: ASGIApp, *, limit: int, max_body_bytes: int, body_timeout: float
) -> ASGIApp:
    """`app` (an ASGI application) working on at most `limit` HTTP requests at a time (0: no
    cap), each request's body read before it takes its place."""
    semaphores: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
        weakref.WeakKeyDictionary()
    )

    def semaphore() -> asyncio.Semaphore:
        # One per event loop: a server runs one, a test suite may start several in turn.
        loop = asyncio.get_running_loop()
        if loop not in semaphores:
            semaphores[loop] = asyncio.Semaphore(limit)
        return semaphores[loop]

    async def limited(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        body = await _body_or_refusal(scope, receive, send, max_body_bytes, body_timeout)
        if body is None:
            return
        receive = _replaying(body, receive)
        if limit <= 0:
            await app(scope, receive, send)
            return
        await _in_place(app, scope, receive, send, semaphore())

    return limited


async def _in_place(
    app: ASGIApp, scope: Scope, receive: Receive, send: Send, place: asyncio.Semaphore
) -> None:
    """Run the request once it has a place; the place is given up when the response starts."""
    await place.acquire()
    holding = True

    def give_up_place() -> None:
        nonlocal holding
        if holding:
            holding = False
            place.release()

    async def send_and_give_up_place(message: Message) -> None:
        if message["type"] == "http.response.start":
            give_up_place()
        await send(message)

    try:
        await app(scope, receive, send_and_give_up_place)
    finally:
        give_up_place()


async def _body_or_refusal(
    scope: Scope, receive: Receive, send: Send, max_bytes: int, timeout: float
) -> bytes | None:
    """The request's whole body; None when the client left or was refused (408, 413)."""
    try:
        return await asyncio.wait_for(_read_body(scope, receive, max_bytes), timeout=timeout)
    except TimeoutError:
        await _send_problem(
            send, 408, f"The request body did not arrive within {timeout:g} seconds."
        )
    except _TooLarge:
        await _send_problem(send, 413, f"The request body is larger than {max_bytes} bytes.")
    except _ClientGone:
        pass
    return None


async def _read_body(scope: Scope, receive: Receive, max_bytes: int) -> bytes:
    declared = dict(scope.get("headers") or ()).get(b"content-length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise _TooLarge
    chunks = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise _ClientGone
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > max_bytes:
            raise _TooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replaying(body: bytes, receive: Receive) -> Receive:
    """A `receive` that gives the body already read, then what the client sends next (its
    disconnect, which streams listen for)."""
    given = False

    async def replay() -> Message:
        nonlocal given
        if not given:
            given = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _send_problem(send: Send, status: int, detail: str) -> None:
    document = {
        "type": "about:blank",
        "status": status,
        "title": HTTPStatus(status).phrase,
        "detail": detail,
    }
    body = json.dumps(document).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/problem+json"),
                (b"content-length", str(len(body)).encode()),
                # The rest of the body is not read: the connection cannot carry another request.
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
