"""Every change to events: split by concept (events, log book, reports, pictures)."""

from samlad.events.services.event_types import create_event_type, update_event_type
from samlad.events.services.events import close_event, create_event, reopen_event, update_event
from samlad.events.services.logbook import add_log_entry
from samlad.events.services.pictures import (
    DraftConflict,
    publish_picture,
    save_picture_draft,
)
from samlad.events.services.reports import file_report

__all__ = [
    "DraftConflict",
    "add_log_entry",
    "close_event",
    "create_event",
    "create_event_type",
    "file_report",
    "publish_picture",
    "reopen_event",
    "save_picture_draft",
    "update_event",
    "update_event_type",
]
