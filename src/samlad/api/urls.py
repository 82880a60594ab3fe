"""/api/: the versioned API (each app mounts its own routes under v1/) and the OpenAPI schema."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

V1_MODULES = [
    "samlad.api.v1_urls",
    "samlad.events.api_urls",
    "samlad.activation.api_urls",
    "samlad.notify.api_urls",
    "samlad.notices.api_urls",
    "samlad.meetings.api_urls",
]

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    *(path("v1/", include(module)) for module in V1_MODULES),
]
