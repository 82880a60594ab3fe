"""Reads of events and everything in them, always through the access policy: an event is seen
only by those the policy lets see it; a report also needs its own classification to allow it."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from samlad.core import access, search
from samlad.core.errors import NotFound
from samlad.events.models import (
    ActorReport,
    Event,
    EventStatus,
    EventType,
    LogBookEntry,
    PictureDraft,
    PictureVersion,
)

LOG_PAGE_SIZE = 50
# Never shown beside an entry or a report, and a phone number is parsed each time a user row is
# read: most of the cost of reading fifty authors.
AUTHOR_UNUSED = ["author__phone"]
REPORTER_UNUSED = ["reported_by__phone"]


def visible_events(user, *, status: str | None = None) -> QuerySet:
    """The events `user` may see, newest first."""
    events = access.visible_to(
        Event.objects.select_related("event_type", "lead_actor", "owner_actor"), user
    )
    if status in EventStatus.values:
        events = events.filter(status=status)
    return events.order_by("-starts_at", "-id")


def event_for(user, *, public_id, via: str | None = None) -> Event:
    """One event `user` may see, or NotFound (also for malformed ids). With `via` (page, api…)
    the read of a confidential event is logged."""
    try:
        event = visible_events(user).filter(public_id=public_id).first()
    except (ValueError, TypeError, ValidationError):
        event = None
    if event is None:
        raise NotFound
    if via:
        access.note_reads(user, [event], via=via)
    return event


def find_events(
    user,
    *,
    status: str | None = None,
    mode: str | None = None,
    is_exercise: bool | None = None,
    event_type: str | None = None,
    query: str = "",
) -> QuerySet:
    """The events `user` may see that match every filter given (`event_type` is a type's slug,
    `query` words of the title, description, place or type), newest first or best match first."""
    events = visible_events(user, status=status)
    if mode:
        events = events.filter(mode=mode)
    if is_exercise is not None:
        events = events.filter(is_exercise=is_exercise)
    if event_type:
        events = events.filter(event_type__slug=event_type)
    return search.matching(events, query) if query.strip() else events


def event_types() -> QuerySet:
    """The event types a new event can have (the active ones)."""
    return EventType.objects.filter(is_active=True)


def all_event_types() -> QuerySet:
    """The whole catalogue, types no longer in use included (for platform administrators)."""
    return EventType.objects.order_by("name_sv")


def event_type_for(*, public_id) -> EventType:
    """The event type with this public id, active or not; NotFound for an unknown or bad id."""
    try:
        event_type = EventType.objects.filter(public_id=public_id).first()
    except (ValueError, TypeError, ValidationError):
        event_type = None
    if event_type is None:
        raise NotFound
    return event_type


def log_entries(
    event: Event, *, before_number: int | None = None, limit: int = LOG_PAGE_SIZE
) -> list[LogBookEntry]:
    """The newest entries of an event's log book (the caller has checked the event), a page at
    a time: the page costs the same with a thousand entries as with a hundred thousand."""
    entries = LogBookEntry.objects.filter(event=event)
    if before_number is not None:
        entries = entries.filter(number__lt=before_number)
    entries = entries.select_related("author", "author_actor", "corrects").defer(*AUTHOR_UNUSED)
    return list(entries.order_by("-number")[:limit])


def log_entry(event: Event, *, number: int) -> LogBookEntry:
    """Entry number `number` of an event's log book (the caller has checked the event)."""
    entry = LogBookEntry.objects.filter(event=event, number=number).first()
    if entry is None:
        raise NotFound
    return entry


def log_entry_for(event: Event, *, public_id) -> LogBookEntry:
    """The entry of an event's log book with this public id (the caller has checked the event)."""
    try:
        entry = LogBookEntry.objects.filter(event=event, public_id=public_id).first()
    except (ValueError, TypeError, ValidationError):
        entry = None
    if entry is None:
        raise NotFound
    return entry


def corrections_of(entries: list[LogBookEntry]) -> dict[int, list[int]]:
    """For each of `entries` that has been corrected, the numbers of its corrections (one query,
    however many entries)."""
    corrected: dict[int, list[int]] = {}
    rows = LogBookEntry.objects.filter(corrects__in=[entry.pk for entry in entries])
    for original_id, number in rows.order_by("number").values_list("corrects_id", "number"):
        corrected.setdefault(original_id, []).append(number)
    return corrected


def log_entry_count(event: Event) -> int:
    """Entries are numbered 1, 2, 3… and never deleted, so the last number is the count."""
    last = (
        LogBookEntry.objects.filter(event=event)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    return last or 0


def _visible_reports(user, event: Event) -> QuerySet:
    return access.visible_to(
        ActorReport.objects.filter(event=event)
        .select_related("owner_actor", "reported_by")
        .defer(*REPORTER_UNUSED),
        user,
    )


def current_reports(user, event: Event, *, via: str = "page") -> list[ActorReport]:
    """Each actor's latest report that `user` may see, by actor name (confidential reads are
    logged as made `via` the page or the API)."""
    reports = list(
        _visible_reports(user, event).filter(is_current=True).order_by("owner_actor__name")
    )
    access.note_reads(user, reports, via=via)
    return reports


def report_history(user, event: Event, *, actor, via: str = "page") -> list[ActorReport]:
    """All versions of one actor's report that `user` may see, newest first."""
    reports = list(_visible_reports(user, event).filter(owner_actor=actor).order_by("-version"))
    access.note_reads(user, reports, via=via)
    return reports


def report_for(user, event: Event, *, public_id, via: str | None = None) -> ActorReport:
    """One report `user` may see, or NotFound. A read is logged only when it is shown (`via`),
    not when the live stream merely checks that the viewer may see it."""
    try:
        report = _visible_reports(user, event).filter(public_id=public_id).first()
    except (ValueError, TypeError, ValidationError):
        report = None
    if report is None:
        raise NotFound
    if via is not None:
        access.note_reads(user, [report], via=via)
    return report


def picture_versions(event: Event) -> QuerySet:
    """The published versions of an event's situational picture (lägesbild), newest first."""
    return (
        PictureVersion.objects.filter(event=event)
        .select_related("published_by", "publishing_actor")
        .order_by("-number")
    )


def picture_version(event: Event, *, number: int) -> PictureVersion:
    """One published version of an event's situational picture by its number; NotFound if there is
    none.
    """
    version = picture_versions(event).filter(number=number).first()
    if version is None:
        raise NotFound
    return version


def reports_behind(user, version: PictureVersion) -> list[ActorReport]:
    """The actor reports a published version was compiled from, as far as `user` may see them."""
    reports = version.based_on_reports.select_related("owner_actor")
    return list(access.visible_to(reports, user).order_by("owner_actor__name"))


def picture_draft(event: Event) -> PictureDraft | None:
    """The draft of an event's next situational picture, or None when nobody has started one."""
    return PictureDraft.objects.filter(event=event).select_related("updated_by").first()


def search_everything(user, query: str, *, limit: int = 50, via: str | None = None) -> dict:
    """Events, log book entries, published pictures, actor reports, notices and meetings
    matching `query` that `user` may see, each through the access policy. With `via` (page,
    api) every confidential record shown is logged as read: the events themselves and the
    events the entries and pictures belong to, the reports, notices and meetings."""
    from samlad.meetings.selectors import visible_meetings
    from samlad.notices.selectors import visible_notices

    events = visible_events(user)
    visible = access.visible_ids(Event, user)
    found = {
        "events": list(search.matching(events, query)[:limit]),
        "log_entries": list(
            search.matching(
                LogBookEntry.objects.filter(event__in=visible).select_related(
                    "event", "author_actor"
                ),
                query,
            )[:limit]
        ),
        "pictures": list(
            search.matching(
                PictureVersion.objects.filter(event__in=visible).select_related("event"), query
            )[:limit]
        ),
        "reports": list(
            search.matching(
                access.visible_to(
                    ActorReport.objects.filter(event__in=visible, is_current=True)
                    .select_related("event", "owner_actor")
                    .defer(*REPORTER_UNUSED),
                    user,
                ),
                query,
            )[:limit]
        ),
        "notices": list(
            search.matching_fields(
                visible_notices(user),
                query,
                ["headline", "text", "instruction", "area_description"],
            )[:limit]
        ),
        "meetings": list(
            search.matching_fields(visible_meetings(user), query, ["title", "place"])[:limit]
        ),
    }
    if via:
        shown_events = {
            hit.event.pk: hit.event
            for kind in ("log_entries", "pictures", "reports")
            for hit in found[kind]
        }
        shown_events |= {event.pk: event for event in found["events"]}
        access.note_reads(user, shown_events.values(), via=via)
        for kind in ("reports", "notices", "meetings"):
            access.note_reads(user, found[kind], via=via)
    return found
