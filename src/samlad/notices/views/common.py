"""What the notice pages share: the notice, if this user may see it (else 404)."""

import uuid

from django.http import Http404

from samlad.core.errors import NotFound
from samlad.events import selectors as event_selectors
from samlad.notices import selectors


def visible_notice(request, public_id):
    try:
        return selectors.notice_for(request.user, public_id=public_id)
    except NotFound:
        raise Http404 from None


def visible_event(request, public_id):
    try:
        return event_selectors.event_for(request.user, public_id=uuid.UUID(str(public_id)))
    except (NotFound, ValueError):
        raise Http404 from None


def open_events(user):
    """The open events a user may see, for pickers."""
    return list(event_selectors.visible_events(user, status="open")[:200])
