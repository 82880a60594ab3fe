"""Samlad's ASGI application behind the cap of samlad.core.concurrency, BENCH_LIMIT requests
in flight per process: the serving setting proposed in bench/README.md, measured with
`bench/event_page.py --limit N`."""

import os

from samlad.config.asgi import application as samlad
from samlad.core.concurrency import limit_requests

application = limit_requests(samlad, limit=int(os.environ["BENCH_LIMIT"]))
