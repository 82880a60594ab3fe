"""/api/: the versioned API (each app mounts its own routes under v1/), the OpenAPI schema and
its readable docs."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.negotiation import DefaultContentNegotiation

from samlad.api.docs import DocsView
from samlad.api.errors import not_found

V1_MODULES = [
    "samlad.api.v1_urls",
    "samlad.events.api_urls",
    "samlad.activation.api_urls",
    "samlad.notify.api_urls",
    "samlad.notices.api_urls",
    "samlad.meetings.api_urls",
    "samlad.audit.api_urls",
]

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
    *(path("v1/", include(module)) for module in V1_MODULES),
    re_path(r"", not_found),
]
