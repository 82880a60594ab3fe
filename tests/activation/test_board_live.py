"""The board updates itself: its live stream says at once when an answer comes in, and within
about a second when the notify worker changes a message's delivery state (which it does
without publishing anything)."""

import pytest
from asgiref.sync import sync_to_async
from django.test import AsyncClient
from stream_helpers import BACKEND, follow

from samlad.accounts.models import User
from samlad.activation import services
from samlad.activation.models import Forum, Recipient
from samlad.notify.models import Delivery, DeliveryStatus
from streams import read_until, run

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def activation(demo_data):
    return services.activate(
        by=User.objects.get(username="tib"),
        forum=Forum.objects.get(slug="regional-samverkansstab"),
        reason="Skyfall",
    )


def test_an_answer_reaches_every_open_board_at_once(activation):
    def answer():
        police = Recipient.objects.get(activation=activation, user__username="polisen.kontakt")
        services.answer_by_sms(recipient=police, answer="attending")

    status, received, took = follow("nacka.kontakt", activation, answer, until="event: answer")
    assert status == 200
    assert "event: answer" in received
    assert took < 2


def test_a_delivery_state_changed_by_the_worker_reaches_the_board_within_two_seconds(activation):
    def worker_accepts():
        Delivery.objects.filter(topic=activation.topic, channel="sms").update(
            status=DeliveryStatus.SENT, attempts=1
        )

    status, received, took = follow("tib", activation, worker_accepts, until="event: delivery")
    assert "event: delivery" in received
    assert took < 2


def test_signed_out_visitors_get_no_stream(activation):
    async def status():
        return (await AsyncClient().get(f"/aktivering/{activation.public_id}/strom/")).status_code

    assert run(status()) == 404


def follow_overview(username: str, act, *, until: str) -> str:
    async def scenario():
        client = AsyncClient()
        person = await sync_to_async(User.objects.get)(username=username)
        await client.aforce_login(person, backend=BACKEND)
        response = await client.get("/aktivering/strom/")
        messages = aiter(response.streaming_content)
        await read_until(messages, "retry")
        await sync_to_async(act)()
        received = await read_until(messages, until, seconds=3)
        await messages.aclose()
        return received

    return run(scenario())


def polisen_asks():
    services.file_request(by=User.objects.get(username="polisen.kontakt"), reason="Hot")


def test_tib_hears_of_a_new_request_at_once_and_other_actors_do_not(demo_data):
    assert "event: request" in follow_overview("tib", polisen_asks, until="event: request")
    assert "event: request" not in follow_overview(
        "nacka.kontakt", polisen_asks, until="event: request"
    )
