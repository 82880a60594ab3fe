"""ASGI entry point (uvicorn serves it; live updates use async views)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samlad.config.settings")
application = get_asgi_application()
