"""The live stream never tells a viewer about an item that viewer could not open. Several
viewers follow one event while reports of every classification, a draft, a picture and log
entries are added; every message each of them receives is then opened through the API as that
viewer, and what they must not see is checked to be absent."""

import pytest
from asgiref.sync import sync_to_async
from live_stream import open_stream, parse, person
from rest_framework.test import APIClient

from samlad.actors.models import Actor
from samlad.events import services
from samlad.events.models import EventType
from samlad.events.services.pictures import draft_for
from streams import read_until, run

pytestmark = pytest.mark.django_db(transaction=True)

VIEWERS = ["nacka.kontakt", "rkk", "tib", "sosalarm.kontakt", "polisen.kontakt"]


def actor(slug: str) -> Actor:
    return Actor.objects.get(slug=slug)


def storm_type() -> EventType:
    """The catalogue comes from a data migration, which a transactional test's flush empties."""
    return EventType.objects.get_or_create(
        slug="svart-vader", defaults={"name_sv": "Svåra väderförhållanden", "name_en": "Storm"}
    )[0]


def follow_all(usernames, event, act, *, marker, seconds: float = 5) -> tuple:
    """Open the stream of `event` as each user, `act()`, then read each stream until the public
    id `marker(result)` arrives (or `seconds` pass). Returns (result, {user: messages})."""

    async def scenario():
        streams = {}
        for username in usernames:
            response = await open_stream(username, event)
            assert response.status_code == 200, username
            streams[username] = aiter(response.streaming_content)
            assert "retry" in await read_until(streams[username], "retry")
        result = await sync_to_async(act)()
        received = {}
        for username, messages in streams.items():
            text = await read_until(messages, marker(result), seconds=seconds)
            received[username] = parse(text)
            await messages.aclose()
        return result, received

    return run(scenario())


def may_open(username: str, event, kind: str, public_id: str) -> bool:
    """Whether `username` can open what a message is about, asked through the API."""
    client = APIClient()
    client.force_authenticate(person(username))
    base = f"/api/v1/events/{event.public_id}/"
    if kind == "report":
        return client.get(f"{base}reports/{public_id}/").status_code == 200
    if kind == "log":
        entries = client.get(f"{base}log/", {"limit": 500}).json().get("results", [])
        return public_id in {entry["id"] for entry in entries}
    if kind == "picture":
        versions = client.get(f"{base}pictures/").json().get("results", [])
        return public_id in {version["id"] for version in versions}
    if kind == "draft":
        return client.get(f"{base}pictures/draft/").status_code == 200
    if kind == "event":
        return client.get(base).status_code == 200
    raise AssertionError(f"unexpected message kind {kind}")


def everything_at_once(event) -> dict:
    police = person("polisen.kontakt")
    restricted = services.file_report(
        by=police,
        event=event,
        situation="Begränsat: förstärkt bevakning",
        classification="restricted",
        shared_with=[actor("lansstyrelsen")],
    )
    confidential = services.file_report(
        by=person("tib"),  # as TiB records it: polisen.kontakt lacks the confidential permission
        for_actor=actor("polisen"),
        event=event,
        situation="Sekretess: skyddsobjekt",
        classification="confidential",
        osl_reference="OSL 18 kap. 1 §",
        shared_with=[actor("lansstyrelsen")],
    )
    open_report = services.file_report(
        by=person("sosalarm.kontakt"), event=event, situation="Öppet: många samtal"
    )
    tib = person("tib")
    draft = services.save_picture_draft(
        by=tib, event=event, revision=draft_for(event).revision, summary="Läget"
    )
    version = services.publish_picture(by=tib, event=event, revision=draft.revision)
    marker = services.add_log_entry(
        by=person("nacka.kontakt"), event=event, kind="information", text="Slut på testet"
    )
    return {
        "restricted": str(restricted.public_id),
        "confidential": str(confidential.public_id),
        "open": str(open_report.public_id),
        "picture": str(version.public_id),
        "marker": str(marker.public_id),
    }


# Which reports each viewer may see: restricted ones need the county board (or the owner),
# confidential ones also the confidential permission, which only TiB holds here.
REPORTS_SEEN = {
    "nacka.kontakt": {"open"},
    "rkk": {"open", "restricted"},
    "tib": {"open", "restricted", "confidential"},
    "sosalarm.kontakt": {"open"},
    "polisen.kontakt": {"open", "restricted"},
}


def test_every_message_a_viewer_receives_is_about_something_that_viewer_may_open(demo_data):
    event = services.create_event(
        by=person("tib"), title="Snöoväder", event_type=storm_type(), mode="activated"
    )
    ids, received = follow_all(
        VIEWERS, event, lambda: everything_at_once(event), marker=lambda ids: ids["marker"]
    )
    for username, messages in received.items():
        assert ids["marker"] in {data["public_id"] for _kind, data in messages}, username
        for kind, data in messages:
            assert may_open(username, event, kind, data["public_id"]), (username, kind)
        reports = {data["public_id"] for kind, data in messages if kind == "report"}
        assert reports == {ids[name] for name in REPORTS_SEEN[username]}, username
        assert ("picture", {"kind": "picture", "public_id": ids["picture"]}) in messages
        drafts = [kind for kind, _data in messages if kind == "draft"]
        assert drafts == (["draft"] if username == "tib" else []), username


def lose_access_then_write(event) -> str:
    """Nacka's account is deactivated; Värmdö is no longer named on the restricted event; then
    TiB writes in the log book."""
    nacka = person("nacka.kontakt")
    nacka.is_active = False
    nacka.save(update_fields=["is_active"])
    services.update_event(by=person("tib"), event=event, shared_with=[], affected_actors=[])
    entry = services.add_log_entry(
        by=person("tib"), event=event, kind="decision", text="Beslut efter ändrad delning"
    )
    return str(entry.public_id)


def test_a_viewer_who_loses_access_while_following_hears_nothing_more(demo_data):
    event = services.create_event(
        by=person("tib"),
        title="Intern samordning",
        event_type=storm_type(),
        classification="restricted",
        shared_with=[actor("nacka"), actor("varmdo")],
    )
    entry_id, received = follow_all(
        ["tib", "nacka.kontakt", "varmdo.kontakt"],
        event,
        lambda: lose_access_then_write(event),
        marker=lambda entry_id: entry_id,
        seconds=2,  # all of it is committed before the streams are read: 2 s is plenty
    )
    assert ("log", {"kind": "log", "public_id": entry_id}) in received["tib"]
    # Each waited two seconds for the entry that never came.
    assert received["nacka.kontakt"] == [] and received["varmdo.kontakt"] == []
