"""The live list's stream (Server-Sent Events): it says only that a notice was published or
changed, and only to a viewer who may see it; the page then re-fetches the list, whose view
applies the access policy again."""

from functools import partial

from asgiref.sync import sync_to_async
from django.http import Http404

from samlad.core import access, live
from samlad.core.errors import NotFound
from samlad.core.models import Change
from samlad.notices import selectors
from samlad.notices.services.notices import LIVE_TOPIC


def visible_change(user_id: int, change: Change) -> dict | None:
    """The message about `change` for this viewer, or None if they may not see the notice.
    Asked afresh for every change: the viewer's account and the notice may have changed."""
    user = live.viewer(user_id)
    try:
        selectors.notice_for(user, public_id=change.object_id)
    except NotFound:
        return None
    return {"kind": change.kind, "public_id": change.object_id}


def _viewer(request):
    # request.user is resolved here, in a thread (the sign-in backend reads the user's actor).
    user = request.user
    return user if access.is_network_member(user) else None


async def stream(request):
    """Signed-out visitors and users outside the network get 404."""
    user = await sync_to_async(_viewer)(request)
    if user is None:
        raise Http404
    after = await sync_to_async(live.start_after)(request, LIVE_TOPIC)
    messages = live.follow(
        topic=LIVE_TOPIC, after_id=after, render=partial(visible_change, user.pk)
    )
    return live.event_stream(messages)
