"""ASGI entry point (uvicorn serves it; live updates use async views). Each process works on
at most REQUESTS_IN_FLIGHT requests at once; the rest wait their turn, and a request's body is
read (REQUEST_BODY_MAX_BYTES, REQUEST_BODY_TIMEOUT_SECONDS) before it takes its place
(samlad.core.concurrency)."""

import os

from django.conf import settings
from django.core.asgi import get_asgi_application

from samlad.core.concurrency import limit_requests

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samlad.config.settings")
application = limit_requests(
    get_asgi_application(),
    limit=settings.REQUESTS_IN_FLIGHT,
    max_body_bytes=settings.REQUEST_BODY_MAX_BYTES,
    body_timeout=settings.REQUEST_BODY_TIMEOUT_SECONDS,
)
