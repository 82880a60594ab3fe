"""Reads of notices, always through the access policy (samlad.core.access): a restricted notice
is seen only by users of the actors it names, in pages, the API, feeds and live streams alike."""

import uuid

from django.db.models import QuerySet

from samlad.accounts.models import User
from samlad.core import access
from samlad.core.errors import NotFound
from samlad.events.models import Event
from samlad.notices.models import Category, FeedSource, Notice, NoticeRevision


def outside_reader(actor) -> User:
    """An actor's outside system (its webhook, its feed reader) as the access policy sees it:
    a member of that actor who may read nothing confidential. Never saved."""
    return access.reader_of(actor)


def visible_notices(user, *, category=None, actor=None, event=None) -> QuerySet:
    """The notices `user` may see, newest first, optionally of one category, actor or event.
    `event_shown` says whether `user` may see the notice's event: an open notice may be linked
    to a restricted event, whose title and id are then not shown (no notice says it has one)."""
    notices = access.visible_to(
        Notice.objects.select_related("category", "owner_actor", "event"), user
    ).annotate(event_shown=access.sees_linked(user, Event, "event"))
    if category is not None:
        notices = notices.filter(category=category)
    if actor is not None:
        notices = notices.filter(owner_actor=actor)
    if event is not None:
        notices = notices.filter(event=event)
    return notices.order_by("-published_at", "-id")


def notice_for(user, *, public_id) -> Notice:
    """One notice `user` may see, or NotFound (also for malformed ids)."""
    try:
        notice = visible_notices(user).filter(public_id=uuid.UUID(str(public_id))).first()
    except (ValueError, TypeError):
        notice = None
    if notice is None:
        raise NotFound
    return notice


def revisions(notice: Notice) -> QuerySet:
    """Every version of a notice the caller has already checked, newest first."""
    return (
        NoticeRevision.objects.filter(notice=notice).select_related("sent_by").order_by("-number")
    )


def categories() -> QuerySet:
    """The categories a notice can be filed under (the active ones)."""
    return Category.objects.filter(is_active=True)


def feed_sources() -> QuerySet:
    """Every feed Samlad polls, active or not (for platform administrators)."""
    return FeedSource.objects.select_related("actor", "category").order_by("name")


def failing_feed_sources() -> list[FeedSource]:
    """The active feeds whose last poll had an error."""
    return list(feed_sources().filter(is_active=True).exclude(last_error=""))
