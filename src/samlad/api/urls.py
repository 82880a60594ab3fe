"""/api/: the versioned API, the OpenAPI schema and its readable docs. Each app mounts its own
routes under v1/: an app takes part by having a module `samlad.<app>.api_urls`; they are mounted
in the order of INSTALLED_APPS, so the toolkit names no app."""

from importlib.util import find_spec

from django.apps import apps
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.negotiation import DefaultContentNegotiation

from samlad.api.docs import DocsView
from samlad.api.errors import not_found


def v1_modules() -> list[str]:
    """The route modules of the apps' APIs, in the order of INSTALLED_APPS."""
    names = [
        f"{config.name}.api_urls"
        for config in apps.get_app_configs()
        if config.name.startswith("samlad.")
    ]
    return [name for name in names if find_spec(name) is not None]


urlpatterns = [
    # The schema has two representations: YAML by default, JSON when asked for (Accept).
    path(
        "schema/",
        SpectacularAPIView.as_view(
            authentication_classes=[], content_negotiation_class=DefaultContentNegotiation
        ),
        name="schema",
    ),
    path("docs/", DocsView.as_view(url_name="schema"), name="docs"),
    *(path("v1/", include(module)) for module in v1_modules()),
    re_path(r"", not_found),
]
