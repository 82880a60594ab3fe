"""What every event page starts with: the event, if this user may see it (else 404)."""

from django.http import Http404

from samlad.core.errors import NotFound
from samlad.events import selectors
from samlad.events.models import Event


def visible_event(request, public_id) -> Event:
    """The event `public_id` as request.user may see it; "not found" and "not yours" are 404.
    Showing a confidential event (a GET of a page, not an htmx re-fetch of one of its parts) is
    logged as a read."""
    shows = request.method in {"GET", "HEAD"} and not request.headers.get("HX-Request")
    try:
        return selectors.event_for(request.user, public_id=public_id, via="page" if shows else None)
    except NotFound:
        raise Http404 from None


def positive_int(value) -> int | None:
    """A query parameter as a positive whole number, or None."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None
