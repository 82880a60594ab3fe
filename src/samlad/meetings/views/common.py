"""What every meeting page starts with: the meeting, if this user may see it (else 404), and
the translation of service errors into pages."""

from django.http import Http404

from samlad.core.errors import NotFound
from samlad.meetings import selectors
from samlad.meetings.models import Meeting


def visible_meeting(request, public_id, *, via: str | None = "page") -> Meeting:
    """The meeting as request.user may see it; "not found" and "not yours" are both 404."""
    try:
        return selectors.meeting_for(request.user, public_id=public_id, via=via)
    except NotFound:
        raise Http404 from None


def found(function, *args, **kwargs):
    """A selector's NotFound as a 404."""
    try:
        return function(*args, **kwargs)
    except NotFound:
        raise Http404 from None


def positive_int(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number >= 0 else None
