"""The meeting page's live stream (Server-Sent Events): it says only *that* something changed
(kind and id), and only to a viewer who may see the meeting; the page then re-fetches the
section, whose view applies the access policy again. Each meeting has its own topic, so two
meetings running at once never mix."""

from functools import partial

from asgiref.sync import sync_to_async
from django.http import Http404

from samlad.core import access, live
from samlad.core.errors import NotFound
from samlad.core.models import Change
from samlad.meetings import selectors


def _meeting_or_none(user, public_id):
    try:
        return selectors.meeting_for(user, public_id=public_id, via=None)
    except NotFound:
        return None


def visible_change(user_id: int, meeting_id, change: Change) -> dict | None:
    """The message about `change` for this viewer, or None if they may no longer see the
    meeting or what the change is about. Asked afresh for every change."""
    user = live.viewer(user_id)
    meeting = _meeting_or_none(user, meeting_id) if user is not None else None
    if meeting is None:
        return None
    if change.object_type == "events.actorreport":
        from samlad.events.models import ActorReport

        report = ActorReport.objects.filter(public_id=change.object_id).first()
        if report is None or not access.can_view(user, report):
            return None
    return {"kind": change.kind, "public_id": change.object_id}


def _viewer_and_meeting(request, public_id):
    user = request.user
    return user, _meeting_or_none(user, public_id)


async def stream(request, public_id):
    """Signed-out visitors, and anyone who may not see the meeting, get 404."""
    user, meeting = await sync_to_async(_viewer_and_meeting)(request, public_id)
    if meeting is None:
        raise Http404
    after = await sync_to_async(live.start_after)(request, meeting.topic)
    messages = live.follow(
        topic=meeting.topic,
        after_id=after,
        render=partial(visible_change, user.pk, meeting.public_id),
    )
    return live.event_stream(messages)
