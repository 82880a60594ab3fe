"""Meetings of the forums: agendas, attendance, live minutes and their approved versions,
action items and decisions, matters raised to other forums, calendar invitations."""

from samlad.meetings.models.actions import (
    OPEN_STATUSES,
    ActionItem,
    ActionKind,
    ActionStatus,
    ActionUpdate,
)
from samlad.meetings.models.attendance import Attendance, AttendanceSource, Presence
from samlad.meetings.models.invitations import Invitation
from samlad.meetings.models.matters import RaisedMatter
from samlad.meetings.models.meetings import (
    AgendaItem,
    AgendaKind,
    Meeting,
    MeetingStatus,
    MinutesState,
)
from samlad.meetings.models.minutes import MinutesVersion
from samlad.meetings.models.reports import RecordedReport

__all__ = [
    "OPEN_STATUSES",
    "ActionItem",
    "ActionKind",
    "ActionStatus",
    "ActionUpdate",
    "AgendaItem",
    "AgendaKind",
    "Attendance",
    "AttendanceSource",
    "Invitation",
    "Meeting",
    "MeetingStatus",
    "MinutesState",
    "MinutesVersion",
    "Presence",
    "RaisedMatter",
    "RecordedReport",
]
