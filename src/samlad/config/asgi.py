"""ASGI entry point (uvicorn serves it; live updates use async views). Each process works on
at most REQUESTS_IN_FLIGHT requests at once; the rest wait their turn (samlad.core.concurrency)."""

import os

from django.conf import settings
from django.core.asgi import get_asgi_application

from samlad.core.concurrency import limit_requests

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samlad.config.settings")
application = get_asgi_application()
if settings.REQUESTS_IN_FLIGHT > 0:
    application = limit_requests(application, limit=settings.REQUESTS_IN_FLIGHT)
