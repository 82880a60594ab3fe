"""API routes of this app, mounted under /api/v1/."""

from django.urls import path

from samlad.notices.views import listing

app_name = "notices-api"

urlpatterns = [
    path("notices/<uuid:public_id>/cap.xml", listing.notice_list, name="cap"),
]
