"""The live stream of an event page (Server-Sent Events): every open page hears of a new report,
log entry or picture version at once, but never of anything its viewer may not see."""

import pytest
from asgiref.sync import sync_to_async
from django.test import AsyncClient
from live_stream import open_stream, person

from samlad.actors.models import Actor
from samlad.core import live
from samlad.events import services
from samlad.events.models import EventType
from streams import read_until, run

pytestmark = pytest.mark.django_db(transaction=True)


def county_board() -> Actor:
    return Actor.objects.get(slug="lansstyrelsen")


def event_type(slug: str) -> EventType:
    """The catalogue comes from a data migration, which a transactional test's flush empties."""
    return EventType.objects.get_or_create(slug=slug, defaults={"name_sv": slug, "name_en": slug})[
        0
    ]


@pytest.fixture
def open_event(demo_data):
    return services.create_event(
        by=person("tib"),
        title="Snöoväder",
        event_type=event_type("svart-vader"),
        mode="activated",
    )


def follow(username: str, event, act, *, until, **headers) -> tuple:
    """Open the stream as `username`, then `act()` (in the database thread) and read what the
    stream sends until `until(result of act)` appears."""

    async def scenario():
        response = await open_stream(username, event, **headers)
        assert response.status_code == 200
        messages = aiter(response.streaming_content)
        assert "retry" in await read_until(messages, "retry")
        result = await sync_to_async(act)()
        received = await read_until(messages, until(result))
        await messages.aclose()
        return response, result, received

    return run(scenario())


def restricted_report_then_open_entry(event):
    report = services.file_report(
        by=person("polisen.kontakt"),
        event=event,
        situation="Insats vid skyddsobjekt",
        classification="restricted",
        shared_with=[county_board()],
    )
    entry = services.add_log_entry(
        by=person("tib"), event=event, kind="information", text="Samordnande forum kl 10"
    )
    return report, entry


def test_nacka_hears_of_the_open_log_entry_but_never_of_the_restricted_report(open_event):
    response, (report, entry), received = follow(
        "nacka.kontakt",
        open_event,
        lambda: restricted_report_then_open_entry(open_event),
        until=lambda result: str(result[1].public_id),
    )
    assert response["Content-Type"] == "text/event-stream"
    assert response["Cache-Control"] == "no-cache" and response["X-Accel-Buffering"] == "no"
    assert "event: log" in received and str(entry.public_id) in received
    assert "event: report" not in received and str(report.public_id) not in received


def test_the_county_board_hears_of_the_report_shared_with_it(open_event):
    _, (report, _entry), received = follow(
        "tib",
        open_event,
        lambda: restricted_report_then_open_entry(open_event),
        until=lambda result: str(result[1].public_id),
    )
    assert "event: report" in received and str(report.public_id) in received


def test_a_published_picture_reaches_every_viewer_at_once(open_event):
    from samlad.events.services.pictures import draft_for

    def publish():
        tib = person("tib")
        draft = services.save_picture_draft(
            by=tib, event=open_event, revision=draft_for(open_event).revision, summary="Läget"
        )
        return services.publish_picture(by=tib, event=open_event, revision=draft.revision)

    _, version, received = follow(
        "nacka.kontakt", open_event, publish, until=lambda version: str(version.public_id)
    )
    assert "event: picture" in received
    # Only the picture compilers hear that the draft was saved.
    assert "event: draft" not in received


def test_a_reconnecting_page_gets_what_it_missed(open_event):
    topic = f"event:{open_event.public_id}"
    missed_after = live.latest_change_id(topic)
    entry = services.add_log_entry(
        by=person("tib"), event=open_event, kind="contact", text="Samtal med SMHI"
    )
    _, _, received = follow(
        "nacka.kontakt",
        open_event,
        lambda: None,
        until=lambda _: str(entry.public_id),
        **{"Last-Event-ID": str(missed_after)},
    )
    assert str(entry.public_id) in received


def test_someone_who_cannot_see_the_event_gets_not_found(demo_data):
    event = services.create_event(
        by=person("polisen.kontakt"),
        title="Hot mot kritisk infrastruktur",
        event_type=event_type("allvarlig-vald"),
        classification="restricted",
    )

    async def status(username):
        return (await open_stream(username, event)).status_code

    assert run(status("nacka.kontakt")) == 404
    assert run(AsyncClient().get("/handelser/inte-ett-id/strom/")).status_code == 404
