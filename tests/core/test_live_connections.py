"""Pages stay open for hours and each follows its live stream: on PostgreSQL, where connections
come from a pool of a few per process, a stream must not hold one between its polls, or a few
dozen open pages would leave none for anyone else."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from asgiref.sync import ThreadSensitiveContext
from django.db import connection

from samlad.core import live

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the connection pool is PostgreSQL's"
)

STREAMS = 5


def connections_in_use() -> int:
    stats = connection.pool.get_stats()
    return stats["pool_size"] - stats["pool_available"]


async def follow_for_a_while(streams_polled: asyncio.Barrier, measured: asyncio.Event):
    """One open page: its own request thread (as Django gives each request), following a topic
    through a few polls until the measurement is taken."""
    async with ThreadSensitiveContext():
        stream = live.follow(topic="test:quiet", after_id=0, render=lambda change: {})
        await anext(stream)  # the retry line; the first poll follows
        waiting = asyncio.ensure_future(anext(stream))
        await asyncio.sleep(live.POLL_SECONDS * 1.5)  # past the first poll and into the second
        await streams_polled.wait()
        await measured.wait()
        waiting.cancel()
        await stream.aclose()


async def open_pages() -> int:
    streams_polled = asyncio.Barrier(STREAMS + 1)
    measured = asyncio.Event()
    pages = [
        asyncio.ensure_future(follow_for_a_while(streams_polled, measured)) for _ in range(STREAMS)
    ]
    await streams_polled.wait()
    in_use = connections_in_use()
    measured.set()
    await asyncio.gather(*pages, return_exceptions=True)
    return in_use


@pytest.mark.django_db(transaction=True)
def test_open_live_streams_hold_no_connection_between_polls():
    with ThreadPoolExecutor(max_workers=1) as loop_thread:  # beside a browser test's loop
        in_use = loop_thread.submit(asyncio.run, open_pages()).result()
    assert in_use <= 1, f"{in_use} connections held by {STREAMS} idle streams"
