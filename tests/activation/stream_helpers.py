"""Following a board's live stream (Server-Sent Events) from a test, as a browser would."""

import asyncio

from asgiref.sync import sync_to_async
from django.test import AsyncClient

from samlad.accounts.models import User
from streams import SECONDS, read_until, run

BACKEND = "samlad.accounts.backends.SamladBackend"


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
