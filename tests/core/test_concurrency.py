"""The cap on requests worked on at once, around small real ASGI applications."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from samlad.core import concurrency

HTTP = {"type": "http", "method": "GET", "path": "/"}


async def request(app, scope=HTTP) -> list[dict]:
    """Send one request through `app`; return the messages it sent back."""
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    await app(dict(scope), receive, send)
    return sent


class Recorder:
    """An application that takes a little while per request and notes who was in at once."""

    def __init__(self):
        self.inside = 0
        self.most_inside = 0
        self.started: list[str] = []

    async def __call__(self, scope, receive, send):
        self.inside += 1
        self.most_inside = max(self.most_inside, self.inside)
        self.started.append(scope.get("path"))
        await asyncio.sleep(0.01)
        self.inside -= 1
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})


def limit_requests(app, *, limit: int):
    return concurrency.limit_requests(app, limit=limit, max_body_bytes=1000, body_timeout=5)


def run_apart(coroutine):
    """asyncio.run in a thread of its own: a browser test earlier in the same process leaves an
    event loop running in this thread (Playwright's sync API), where asyncio.run refuses."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_no_more_requests_than_the_cap_are_worked_on_at_once():
    recorder = Recorder()
    app = limit_requests(recorder, limit=3)

    async def many():
        return await asyncio.gather(*(request(app) for _ in range(12)))

    answers = run_apart(many())
    assert [sent[0]["status"] for sent in answers] == [200] * 12
    assert recorder.most_inside == 3


def test_waiting_requests_are_served_in_the_order_they_came():
    recorder = Recorder()
    app = limit_requests(recorder, limit=1)

    async def in_order():
        tasks = []
        for number in range(6):
            tasks.append(asyncio.create_task(request(app, HTTP | {"path": f"/{number}"})))
            await asyncio.sleep(0)
        await asyncio.gather(*tasks)

    run_apart(in_order())
    assert recorder.started == [f"/{number}" for number in range(6)]


def test_an_open_stream_does_not_keep_the_next_request_waiting():
    stream_may_end = None

    async def app_with_stream(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": []})
        if scope["path"] == "/strom/":
            await stream_may_end.wait()
        await send({"type": "http.response.body", "body": b"done"})

    app = limit_requests(app_with_stream, limit=1)

    async def stream_then_page():
        nonlocal stream_may_end
        stream_may_end = asyncio.Event()
        stream = asyncio.create_task(request(app, HTTP | {"path": "/strom/"}))
        await asyncio.sleep(0.01)
        page = await asyncio.wait_for(request(app), timeout=2)
        stream_may_end.set()
        await stream
        return page

    assert run_apart(stream_then_page())[0]["status"] == 200


def test_a_request_that_fails_gives_up_its_place():
    async def failing_first(scope, receive, send):
        if scope["path"] == "/fails/":
            raise RuntimeError("broken")
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    app = limit_requests(failing_first, limit=1)

    async def fail_then_serve():
        with pytest.raises(RuntimeError):
            await request(app, HTTP | {"path": "/fails/"})
        return await asyncio.wait_for(request(app), timeout=2)

    assert run_apart(fail_then_serve())[0]["status"] == 200


def test_other_protocols_pass_by_the_cap():
    recorder = Recorder()
    app = limit_requests(recorder, limit=1)

    async def lifespan_while_full():
        busy = asyncio.create_task(request(app))
        await asyncio.sleep(0)
        await asyncio.wait_for(request(app, {"type": "lifespan"}), timeout=2)
        await busy

    run_apart(lifespan_while_full())
    assert recorder.most_inside == 2


def test_the_cap_works_in_each_event_loop_a_process_runs():
    recorder = Recorder()
    app = limit_requests(recorder, limit=2)

    async def many():
        await asyncio.gather(*(request(app) for _ in range(5)))

    run_apart(many())
    run_apart(many())
    assert recorder.most_inside == 2
