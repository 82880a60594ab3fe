"""Approved minutes as documents: a self-contained HTML file (opens anywhere, prints well) to
attach to e-mail or download, and plain text for the e-mail body."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from samlad.meetings import minutes
from samlad.meetings.models import MinutesVersion


def _context(version: MinutesVersion) -> dict:
    return {"version": version, "minutes": minutes.readable(version.content)}


def as_html(version: MinutesVersion) -> str:
    return render_to_string("meetings/documents/minutes.html", _context(version))


def as_text(version: MinutesVersion) -> str:
    return render_to_string("meetings/documents/minutes.txt", _context(version))


def filename(version: MinutesVersion) -> str:
    meeting = version.meeting
    day = timezone.localtime(meeting.starts_at).strftime("%Y-%m-%d")
    return f"minnesanteckningar-{slugify(meeting.forum.name)}-{day}-v{version.number}.html"


def as_attachment(version: MinutesVersion) -> dict:
    """The outbox's attachment form: {"filename", "content_type", "content"}."""
    return {
        "filename": filename(version),
        "content_type": "text/html; charset=utf-8",
        "content": as_html(version),
    }
