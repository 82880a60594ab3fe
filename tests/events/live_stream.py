"""Reading an event page's live stream (Server-Sent Events) in tests, through Django's
AsyncClient: open it as a user, read what it sends until a marker arrives (never hangs)."""

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import sync_to_async
from django.db import connections
from django.test import AsyncClient
from django.urls import reverse

from samlad.accounts.models import User

SECONDS = 5
BACKEND = "samlad.accounts.backends.SamladBackend"


def person(username: str) -> User:
    return User.objects.get(username=username)


def run(coroutine):
    """Run `coroutine` on an event loop of its own in a thread of its own (in a full test run,
    Playwright's loop may already be running in the test thread), and close the database
    connections it opened."""

    async def closing_connections():
        try:
            return await coroutine
        finally:
            await sync_to_async(connections.close_all)()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, closing_connections()).result(timeout=60)


async def read_until(messages, wanted: str, *, seconds: float = SECONDS) -> str:
    """What the stream sends until `wanted` appears or `seconds` pass."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    received = ""
    while wanted not in received and loop.time() < deadline:
        try:
            chunk = await asyncio.wait_for(anext(messages), deadline - loop.time())
        except (TimeoutError, StopAsyncIteration):
            break
        received += chunk.decode() if isinstance(chunk, bytes) else chunk
    return received


async def open_stream(username: str, event, **headers):
    client = AsyncClient()
    await client.aforce_login(await sync_to_async(person)(username), backend=BACKEND)
    return await client.get(reverse("events:stream", args=[event.public_id]), headers=headers)


def parse(received: str) -> list[tuple[str, dict]]:
    """The (event kind, data) of every message in what a stream sent."""
    messages = []
    for block in received.split("\n\n"):
        fields = dict(
            line.split(": ", 1) for line in block.splitlines() if ": " in line and line[0] != ":"
        )
        if "event" in fields and "data" in fields:
            messages.append((fields["event"], json.loads(fields["data"])))
    return messages
