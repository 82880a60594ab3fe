"""Following a board's live stream (Server-Sent Events) from a test, as a browser would."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import sync_to_async
from django.db import connections
from django.test import AsyncClient

from samlad.accounts.models import User

BACKEND = "samlad.accounts.backends.SamladBackend"
SECONDS = 5


def run(coroutine):
    """Run on a loop and thread of its own, closing the connections it opened."""

    async def closing_connections():
        try:
            return await coroutine
        finally:
            await sync_to_async(connections.close_all)()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, closing_connections()).result(timeout=60)


async def read_until(messages, wanted: str, *, seconds: float = SECONDS) -> str:
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


def follow(
    username: str, activation, act, *, until: str, seconds: float = SECONDS
) -> tuple[int, str, float]:
    """Open the board's stream as `username`, `act()`, and read until `until` shows (for at
    most `seconds`); returns the status, what was read and how long after `act()` it came."""

    async def scenario():
        client = AsyncClient()
        person = await sync_to_async(User.objects.get)(username=username)
        await client.aforce_login(person, backend=BACKEND)
        response = await client.get(f"/aktivering/{activation.public_id}/strom/")
        if response.status_code != 200:
            return response.status_code, "", 0.0
        messages = aiter(response.streaming_content)
        await read_until(messages, "retry")
        loop = asyncio.get_running_loop()
        started = loop.time()
        await sync_to_async(act)()
        received = await read_until(messages, until, seconds=seconds)
        took = loop.time() - started
        await messages.aclose()
        return response.status_code, received, took

    return run(scenario())
