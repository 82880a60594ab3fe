"""Following a live stream (Server-Sent Events) from a test, as an open page does."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import sync_to_async
from django.db import connections

SECONDS = 5


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
