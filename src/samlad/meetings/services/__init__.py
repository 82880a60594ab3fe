"""Every change to meetings, split by concept: meetings, agenda, notes (the live minutes),
attendance, actor reports, action items, raised matters, minutes approval, invitations."""

from samlad.meetings.services.actions import add_action, set_action_status
from samlad.meetings.services.agenda import add_item, move_item, remove_item, reorder
from samlad.meetings.services.attendance import add_attendee, refresh_from_call_out, update_attendee
from samlad.meetings.services.invitations import send_invitations
from samlad.meetings.services.matters import raise_matter
from samlad.meetings.services.meetings import (
    book_next_meeting,
    cancel_meeting,
    create_meeting,
    end_meeting,
    meeting_for_activation,
    start_meeting,
    update_meeting,
)
from samlad.meetings.services.minutes import MinutesChanged, approve_minutes, start_new_version
from samlad.meetings.services.notes import NotesConflict, save_notes
from samlad.meetings.services.reports import record_actor_report

__all__ = [
    "MinutesChanged",
    "NotesConflict",
    "add_action",
    "add_attendee",
    "add_item",
    "approve_minutes",
    "book_next_meeting",
    "cancel_meeting",
    "create_meeting",
    "end_meeting",
    "meeting_for_activation",
    "move_item",
    "raise_matter",
    "record_actor_report",
    "refresh_from_call_out",
    "remove_item",
    "reorder",
    "save_notes",
    "send_invitations",
    "set_action_status",
    "start_meeting",
    "start_new_version",
    "update_attendee",
    "update_meeting",
]
