"""API routes of the meetings app, mounted under /api/v1/. Ids are public ids (UUIDs); a
malformed one is a 404 like any unknown one, and any other address under meetings/ or
action-items/ is a 404 problem document too."""

from django.urls import path, re_path

from samlad.meetings.api import views
from samlad.meetings.api.common import not_found

MEETING = "meetings/<str:meeting_id>/"

urlpatterns = [
    path("meetings/", views.MeetingList.as_view(), name="api-meetings"),
    path(MEETING, views.MeetingDetail.as_view(), name="api-meeting"),
    path(f"{MEETING}agenda/", views.Agenda.as_view(), name="api-meeting-agenda"),
    path(
        f"{MEETING}agenda/<str:item_id>/",
        views.AgendaItemDetail.as_view(),
        name="api-meeting-agenda-item",
    ),
    path(f"{MEETING}attendance/", views.AttendanceList.as_view(), name="api-meeting-attendance"),
    path(
        f"{MEETING}attendance/<str:row_id>/",
        views.AttendanceDetail.as_view(),
        name="api-meeting-attendance-row",
    ),
    path(f"{MEETING}minutes/", views.Minutes.as_view(), name="api-meeting-minutes"),
    path(
        f"{MEETING}minutes/<int:number>/",
        views.MinutesVersionDetail.as_view(),
        name="api-meeting-minutes-version",
    ),
    path("action-items/", views.ActionItemList.as_view(), name="api-action-items"),
    path("action-items/<str:action_id>/", views.ActionItemDetail.as_view(), name="api-action-item"),
    re_path(r"^(?P<rest>(meetings|action-items)/.*)$", not_found),
]
