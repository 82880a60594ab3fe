"""The live list of notices (Server-Sent Events): an open page hears of every notice its viewer
may see, at once, and never of a restricted notice of other actors."""

import pytest
from asgiref.sync import sync_to_async
from django.test import AsyncClient

from samlad.accounts.models import User
from samlad.actors.models import Actor
from samlad.notices.models import Category
from samlad.notices.services.notices import publish_notice
from streams import read_until, run

BACKEND = "samlad.accounts.backends.SamladBackend"

pytestmark = pytest.mark.django_db(transaction=True)


def person(username: str) -> User:
    return User.objects.get(username=username)


def restricted_then_open():
    police_only = publish_notice(
        by=person("polisen.kontakt"),
        headline="Skyddsobjekt",
        text="Intern",
        category=Category.objects.get(slug="sakerhet"),
        classification="restricted",
        shared_with=[Actor.objects.get(slug="sosalarm")],
    )
    open_one = publish_notice(
        by=person("tib"),
        headline="Snö",
        text="20 cm",
        category=Category.objects.get(slug="vadervarning"),
    )
    return police_only, open_one


def follow(username: str, act, *, until):
    async def scenario():
        client = AsyncClient()
        await client.aforce_login(await sync_to_async(person)(username), backend=BACKEND)
        response = await client.get("/underrattelser/strom/")
        assert response.status_code == 200
        messages = aiter(response.streaming_content)
        assert "retry" in await read_until(messages, "retry")
        result = await sync_to_async(act)()
        received = await read_until(messages, until(result))
        await messages.aclose()
        return response, result, received

    return run(scenario())


def test_nacka_hears_of_the_open_notice_but_never_of_the_police_restricted_one(demo_data):
    response, (police_only, open_one), received = follow(
        "nacka.kontakt", restricted_then_open, until=lambda result: str(result[1].public_id)
    )
    assert response["Content-Type"] == "text/event-stream"
    assert "event: notice" in received and str(open_one.public_id) in received
    assert str(police_only.public_id) not in received


def test_sos_alarm_hears_of_the_notice_restricted_to_it(demo_data):
    _, (police_only, _open), received = follow(
        "sosalarm.kontakt", restricted_then_open, until=lambda result: str(result[1].public_id)
    )
    assert str(police_only.public_id) in received


def test_a_signed_out_visitor_gets_no_stream(demo_data):
    async def status():
        return (await AsyncClient().get("/underrattelser/strom/")).status_code

    assert run(status()) == 404


def test_the_list_partial_the_stream_triggers_is_filtered_too(demo_data, client):
    police_only, open_one = restricted_then_open()
    client.force_login(person("nacka.kontakt"), backend=BACKEND)
    fragment = client.get("/underrattelser/?partial=list").content.decode()
    assert open_one.headline in fragment and police_only.headline not in fragment
    assert "<html" not in fragment
