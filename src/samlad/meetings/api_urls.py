"""API routes of the meetings app, mounted under /api/v1/. Ids are public ids (UUIDs); a
malformed one is a 404 like any unknown one, and any other address under meetings/ or
action-items/ is a 404 problem document too."""

from django.urls import path, re_path

from samlad.meetings.api.common import not_found
from samlad.meetings.api.views import actions, agenda, attendance, meetings, minutes

MEETING = "meetings/<str:meeting_id>/"

urlpatterns = [
    path("meetings/", meetings.MeetingList.as_view(), name="api-meetings"),
    path(MEETING, meetings.MeetingDetail.as_view(), name="api-meeting"),
    path(f"{MEETING}agenda/", agenda.Agenda.as_view(), name="api-meeting-agenda"),
    path(
        f"{MEETING}agenda/<str:item_id>/",
        agenda.AgendaItemDetail.as_view(),
        name="api-meeting-agenda-item",
    ),
    path(
        f"{MEETING}attendance/", attendance.AttendanceList.as_view(), name="api-meeting-attendance"
    ),
    path(
        f"{MEETING}attendance/<str:row_id>/",
        attendance.AttendanceDetail.as_view(),
        name="api-meeting-attendance-row",
    ),
    path(f"{MEETING}minutes/", minutes.Minutes.as_view(), name="api-meeting-minutes"),
    path(
        f"{MEETING}minutes/<int:number>/",
        minutes.MinutesVersionDetail.as_view(),
        name="api-meeting-minutes-version",
    ),
    path("action-items/", actions.ActionItemList.as_view(), name="api-action-items"),
    path(
        "action-items/<str:action_id>/", actions.ActionItemDetail.as_view(), name="api-action-item"
    ),
    re_path(r"^(?P<rest>(meetings|action-items)/.*)$", not_found),
]
