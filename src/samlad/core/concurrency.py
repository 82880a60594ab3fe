"""A cap on how many requests one server process works on at once.

Django runs each request's synchronous code in a thread of its own, and those threads share one
interpreter lock: fifty requests at once each take about fifty times as long, and hold fifty
database connections. Behind the cap, requests wait their turn (first come, first served)
before Django starts on them, so a request takes about its own time once started, and the
waiting shows as waiting, not as a slow server.

A request holds its place until its response starts; the body is sent without one, so a
Server-Sent Events stream that stays open for hours does not keep others waiting."""

import asyncio
import weakref


def limit_requests(app, *, limit: int):
    """`app` (an ASGI application) working on at most `limit` HTTP requests at a time."""
    semaphores: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def semaphore() -> asyncio.Semaphore:
        # One per event loop: a server runs one, a test suite may start several in turn.
        loop = asyncio.get_running_loop()
        if loop not in semaphores:
            semaphores[loop] = asyncio.Semaphore(limit)
        return semaphores[loop]

    async def limited(scope, receive, send):
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        place = semaphore()
        await place.acquire()
        holding = True

        def give_up_place() -> None:
            nonlocal holding
            if holding:
                holding = False
                place.release()

        async def send_and_give_up_place(message) -> None:
            if message["type"] == "http.response.start":
                give_up_place()
            await send(message)

        try:
            await app(scope, receive, send_and_give_up_place)
        finally:
            give_up_place()

    return limited
