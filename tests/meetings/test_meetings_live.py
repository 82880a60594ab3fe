"""Two meetings running at the same time, each with its own live minutes (capability 2:6): an
open page hears of its own meeting's changes at once, never of the other meeting's, and nobody
outside a meeting's access hears anything."""

from datetime import timedelta

import pytest
from asgiref.sync import sync_to_async
from django.test import AsyncClient
from django.urls import reverse
from django.utils import timezone

from samlad.accounts.models import User
from samlad.activation.models import Forum
from samlad.actors.models import Actor
from samlad.meetings import services
from streams import read_until, run

BACKEND = "samlad.accounts.backends.SamladBackend"

pytestmark = pytest.mark.django_db(transaction=True)


def person(username: str) -> User:
    return User.objects.get(username=username)


def meeting_of(slug: str, **details):
    return services.create_meeting(
        by=person("rsib"),
        forum=Forum.objects.get(slug=slug),
        starts_at=timezone.now() + timedelta(minutes=5),
        **details,
    )


@pytest.fixture
def two_meetings(demo_data):
    """The coordinating forum and the communication coordination, meeting at the same time."""
    coordinating = meeting_of("regionalt-samordnande-forum")
    communication = meeting_of("kommunikationssamordning")
    return coordinating, communication


async def open_stream(username: str, meeting):
    client = AsyncClient()
    await client.aforce_login(await sync_to_async(person)(username), backend=BACKEND)
    return await client.get(reverse("meetings:stream", args=[meeting.public_id]))


def first_item(meeting):
    return meeting.agenda_items.order_by("position").first()


def test_two_meetings_at_once_each_hear_only_their_own_minutes(two_meetings):
    coordinating, communication = two_meetings
    coordinating_item, communication_item = first_item(coordinating), first_item(communication)

    def write_both():
        services.save_notes(
            by=person("tib"), item=communication_item, revision=0, notes="Budskap om resor."
        )
        services.save_notes(
            by=person("rsib"), item=coordinating_item, revision=0, notes="Alla aktörer närvarande."
        )

    async def scenario():
        first = await open_stream("nacka.kontakt", coordinating)
        second = await open_stream("nacka.kontakt", communication)
        assert first.status_code == second.status_code == 200
        first_messages, second_messages = (
            aiter(first.streaming_content),
            aiter(second.streaming_content),
        )
        await read_until(first_messages, "retry")
        await read_until(second_messages, "retry")
        await sync_to_async(write_both)()
        heard_first = await read_until(first_messages, coordinating_item.live_kind)
        heard_second = await read_until(second_messages, communication_item.live_kind)
        await first_messages.aclose()
        await second_messages.aclose()
        return heard_first, heard_second

    heard_first, heard_second = run(scenario())
    assert f"event: {coordinating_item.live_kind}" in heard_first
    assert communication_item.live_kind not in heard_first
    assert f"event: {communication_item.live_kind}" in heard_second
    assert coordinating_item.live_kind not in heard_second


def test_the_two_meetings_minutes_stay_apart(two_meetings):
    coordinating, communication = two_meetings
    services.save_notes(
        by=person("tib"), item=first_item(communication), revision=0, notes="RKK leder."
    )
    services.save_notes(
        by=person("rsib"), item=first_item(coordinating), revision=0, notes="TiB leder."
    )
    assert first_item(coordinating).notes == "TiB leder."
    assert first_item(communication).notes == "RKK leder."
    services.add_action(
        by=person("rsib"),
        meeting=coordinating,
        actor=Actor.objects.get(slug="nacka"),
        text="Sanda.",
    )
    assert not communication.action_items.exists()


def test_nobody_outside_a_restricted_meeting_may_follow_it(demo_data):
    meeting = meeting_of(
        "regionalt-samordnande-forum",
        classification="restricted",
        shared_with=[Actor.objects.get(slug="nacka")],
    )

    async def scenario():
        outsider = await open_stream("polisen.kontakt", meeting)
        insider = await open_stream("nacka.kontakt", meeting)
        codes = outsider.status_code, insider.status_code
        if insider.status_code == 200:
            await aiter(insider.streaming_content).aclose()
        return codes

    assert run(scenario()) == (404, 200)
