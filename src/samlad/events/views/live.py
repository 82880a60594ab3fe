"""The event page's live stream (Server-Sent Events). It says only *that* something was added
(kind and id) and only to a viewer who may see it; the page then re-fetches the section, whose
view applies the access policy again."""

from functools import partial

from asgiref.sync import sync_to_async
from django.http import Http404

from samlad.core import live
from samlad.core.errors import NotFound
from samlad.core.models import Change
from samlad.events import rules, selectors
from samlad.events.services.events import topic


def _event_or_none(user, public_id):
    try:
        return selectors.event_for(user, public_id=public_id)
    except NotFound:
        return None


def visible_change(user_id: int, event_id, change: Change) -> dict | None:
    """The message about `change` for this viewer, or None if they may not see what it is about.
    Asked afresh for every change: the viewer's account and the event may have changed."""
    user = live.viewer(user_id)
    event = _event_or_none(user, event_id) if user is not None else None
    if event is None:
        return None
    if change.kind == "report":
        try:
            selectors.report_for(user, event, public_id=change.object_id)
        except NotFound:
            return None
    if change.kind == "draft" and not rules.can_compile_picture(user, event):
        return None
    return {"kind": change.kind, "public_id": change.object_id}


def _viewer_and_event(request, public_id):
    # request.user is resolved here, in a thread: the sign-in backend reads the user's actor,
    # which the async path (request.auser) may not do.
    user = request.user
    return user, _event_or_none(user, public_id)


async def stream(request, public_id):
    """Signed-out visitors, and anyone who may not see the event, get 404."""
    user, event = await sync_to_async(_viewer_and_event)(request, public_id)
    if event is None:
        raise Http404
    after = await sync_to_async(live.start_after)(request, topic(event))
    messages = live.follow(
        topic=topic(event),
        after_id=after,
        render=partial(visible_change, user.pk, event.public_id),
    )
    return live.event_stream(messages)
