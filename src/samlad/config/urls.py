"""Top-level URLs: the UI (Swedish paths), the admin, the API and operations."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("samlad.core.urls")),
    path("konto/", include("samlad.accounts.urls")),
    path("aktorer/", include("samlad.actors.urls")),
    path("handelser/", include("samlad.events.urls")),
    path("aktivering/", include("samlad.activation.urls")),
    path("utskick/", include("samlad.notify.urls")),
    path("underrattelser/", include("samlad.notices.urls")),
    path("moten/", include("samlad.meetings.urls")),
    path("granskning/", include("samlad.audit.urls")),
    path("administration/", include("samlad.administration.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", include("samlad.api.urls")),
]

handler500 = "samlad.core.unavailable.server_error"
