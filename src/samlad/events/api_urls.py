"""API routes of the events app, mounted under /api/v1/. Ids are public ids (UUIDs); a
malformed one is a 404 like any unknown one, and any other address under events/ or
event-types/ is a 404 problem document too."""

from django.urls import path, re_path

from samlad.events.api.views import common, event_types, events, logbook, pictures, reports
from samlad.events.api.views.search import Search

EVENT = "events/<str:event_id>/"

urlpatterns = [
    path("events/", events.EventList.as_view(), name="api-events"),
    path(EVENT, events.EventDetail.as_view(), name="api-event"),
    path(f"{EVENT}close/", events.CloseEvent.as_view(), name="api-event-close"),
    path(f"{EVENT}reopen/", events.ReopenEvent.as_view(), name="api-event-reopen"),
    path(f"{EVENT}log/", logbook.LogBook.as_view(), name="api-event-log"),
    path(f"{EVENT}reports/", reports.ReportList.as_view(), name="api-event-reports"),
    path(
        f"{EVENT}reports/<str:report_id>/",
        reports.ReportDetail.as_view(),
        name="api-event-report",
    ),
    path(f"{EVENT}pictures/", pictures.PictureList.as_view(), name="api-event-pictures"),
    path(
        f"{EVENT}pictures/draft/",
        pictures.PictureDraftView.as_view(),
        name="api-event-picture-draft",
    ),
    path(
        f"{EVENT}pictures/compare/",
        pictures.PictureComparison.as_view(),
        name="api-event-picture-compare",
    ),
    path(
        f"{EVENT}pictures/<int:number>/",
        pictures.PictureVersionDetail.as_view(),
        name="api-event-picture",
    ),
    path("event-types/", event_types.EventTypeList.as_view(), name="api-event-types"),
    path(
        "event-types/<str:type_id>/",
        event_types.EventTypeDetail.as_view(),
        name="api-event-type",
    ),
    path("search/", Search.as_view(), name="api-search"),
    re_path(r"^(?P<rest>(events|event-types)/.*/)$", common.not_found),
]
