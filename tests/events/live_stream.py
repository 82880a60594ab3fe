"""Reading an event page's live stream (Server-Sent Events) in tests, through Django's
AsyncClient: open it as a user, read what it sends until a marker arrives (never hangs)."""

import json

from asgiref.sync import sync_to_async
from django.test import AsyncClient
from django.urls import reverse

from samlad.accounts.models import User

BACKEND = "samlad.accounts.backends.SamladBackend"


def person(username: str) -> User:
    return User.objects.get(username=username)


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
