"""An activation is seen by the whole network, its event perhaps not: the board (page, its
re-fetched section, the API, the live stream), the meetings page's waiting activations and an
activation request name the event only to those who may see it."""

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient
from stream_helpers import follow

from samlad.activation import services
from samlad.activation.models import Forum, Recipient
from samlad.actors.models import Actor
from samlad.events import services as event_services
from samlad.events.models import EventType
from samlad.notify.models import Delivery

TITLE = "Hot mot kärnkraftverk: skyddad insats"


def secret_event(by, *, actor, classification="confidential"):
    return event_services.create_event(
        by=by,
        title=TITLE,
        event_type=EventType.objects.get(slug="svart-vader"),
        mode="activated",
        classification=classification,
        osl_reference="OSL 18 kap. 13 §" if classification == "confidential" else "",
        affected_actors=[actor],
    )


@pytest.fixture
def activation(activate, user, actor):
    """TiB (who may read confidential records) activates the coordinating forum about the
    county board's confidential event."""
    return activate(event=secret_event(user("tib"), actor=actor("lansstyrelsen")))


@pytest.mark.django_db
def test_the_board_names_the_event_only_to_those_who_may_see_it(activation, client_for):
    url = f"/aktivering/{activation.public_id}/"
    outside = client_for("nacka.kontakt").get(url)
    assert outside.status_code == 200 and activation.code in outside.text
    assert TITLE not in outside.text and str(activation.event.public_id) not in outside.text
    assert TITLE not in client_for("nacka.kontakt").get(url + "?partial=board").text
    assert TITLE in client_for("tib").get(url).text


@pytest.mark.django_db
def test_the_activations_api_gives_the_event_only_to_those_who_may_see_it(activation, user):
    client = APIClient()
    client.force_authenticate(user("nacka.kontakt"))
    one = client.get(f"/api/v1/activations/{activation.public_id}/").json()
    assert one["code"] == activation.code and one["event"] is None
    listed = client.get("/api/v1/activations/").json()["results"]
    assert [a["event"] for a in listed if a["id"] == str(activation.public_id)] == [None]
    client.force_authenticate(user("tib"))
    one = client.get(f"/api/v1/activations/{activation.public_id}/").json()
    assert one["event"] == str(activation.event.public_id)


@pytest.mark.django_db
def test_activating_through_the_api_answers_with_the_event_to_tib(user, forum, actor):
    client = APIClient()
    client.force_authenticate(user("tib"))
    event = secret_event(user("tib"), actor=actor("lansstyrelsen"))
    created = client.post(
        "/api/v1/activations/",
        {"forum": str(forum().public_id), "reason": "Hot", "event": str(event.public_id)},
        format="json",
    )
    assert created.status_code == 201 and created.json()["event"] == str(event.public_id)


@pytest.mark.django_db
def test_the_meetings_page_names_a_waiting_activations_event_only_to_those_who_may_see_it(
    activation, client_for
):
    """RKK plans meetings but may not read confidential records; TiB may."""
    page = client_for("rkk").get("/moten/")
    assert activation.forum.name in page.text and TITLE not in page.text
    assert TITLE in client_for("tib").get("/moten/").text


@pytest.mark.django_db
def test_a_request_names_its_event_to_tib_only_if_tib_may_see_it(user, actor, forum, client_for):
    """The police ask for activation about their own restricted event; TiB (county board) is
    not among those it is shared with."""
    police = user("polisen.kontakt")
    event = secret_event(police, actor=actor("polisen"), classification="restricted")
    asked = services.file_request(
        by=police, reason="Hot", suggested_forum=forum(), urgency="immediate", event=event
    )
    alerts = Delivery.objects.filter(topic=f"activation-request:{asked.public_id}")
    (email,) = [d for d in alerts if d.channel == "email" and d.recipient_user_id]
    assert "Hot" in email.body and TITLE not in email.body
    url = f"/aktivering/begaran/{asked.public_id}/"
    assert TITLE in client_for("polisen.kontakt").get(url).text
    page = client_for("tib").get(url)
    assert page.status_code == 200 and "Hot" in page.text and TITLE not in page.text
    client = APIClient()
    client.force_authenticate(user("tib"))
    assert client.get(f"/api/v1/activation-requests/{asked.public_id}/").json()["event"] is None


@pytest.mark.django_db(transaction=True)
def test_the_board_stream_and_the_section_it_refetches_do_not_name_a_hidden_event(
    demo_data, client_for
):
    tib = get_user_model().objects.get(username="tib")
    event = secret_event(tib, actor=Actor.objects.get(slug="lansstyrelsen"))
    activation = services.activate(
        by=tib, forum=Forum.objects.get(slug="regional-samverkansstab"), reason="Hot", event=event
    )

    def answer():
        police = Recipient.objects.get(activation=activation, user__username="polisen.kontakt")
        services.answer_by_sms(recipient=police, answer="attending")

    status, received, _took = follow("nacka.kontakt", activation, answer, until="event: answer")
    assert status == 200 and "event: answer" in received and TITLE not in received
    section = client_for("nacka.kontakt").get(f"/aktivering/{activation.public_id}/?partial=board")
    assert section.status_code == 200 and TITLE not in section.text


@pytest.mark.django_db
def test_a_request_about_an_event_shared_with_the_county_board_names_it_to_tib(
    user, actor, forum, client_for
):
    police = user("polisen.kontakt")
    event = event_services.create_event(
        by=police,
        title=TITLE,
        event_type=EventType.objects.get(slug="svart-vader"),
        mode="activated",
        classification="restricted",
        shared_with=[actor("lansstyrelsen")],
        affected_actors=[actor("polisen")],
    )
    asked = services.file_request(
        by=police, reason="Hot", suggested_forum=forum(), urgency="immediate", event=event
    )
    emails = Delivery.objects.filter(topic=f"activation-request:{asked.public_id}", channel="email")
    assert emails and all(TITLE in email.body for email in emails)
    assert TITLE in client_for("tib").get(f"/aktivering/begaran/{asked.public_id}/").text
