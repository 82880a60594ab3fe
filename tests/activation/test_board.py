"""The call-out board: per actor reached, answered, attending or ETA, each recipient's delivery
state, the time since activation against the forum's requirement, the not-reached list, and a
provider that is down. Activations are network-wide; the numbers and addresses of the people
called only show to TiB, RSIB, RKK and platform administrators."""

from datetime import timedelta

import pytest
import time_machine
from callout_helpers import FAILED, SENT, mark
from django.utils import timezone

from samlad.activation import services
from samlad.activation.board import board_for
from samlad.activation.models import Recipient
from samlad.actors.models import ContactChannel, ContactPoint, Function
from samlad.actors.phones import for_display
from samlad.core.models import ConfidentialRead
from samlad.notify.channels import provider_names
from samlad.notify.models import Delivery
from samlad.notify.worker import health


def recipient(activation, username) -> Recipient:
    return Recipient.objects.get(activation=activation, user__username=username)


def board_page(client, activation) -> str:
    response = client.get(f"/aktivering/{activation.public_id}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_figures_follow_deliveries_and_answers(activate, user):
    activation = activate()
    board = board_for(user("tib"), activation)
    assert board.figures == {
        "actors": 37,
        "reached": 0,
        "answered": 0,
        "attending": 0,
        "later": 0,
        "not_attending": 0,
        "not_reached": 0,
        "waiting": 37,
    }
    Delivery.objects.filter(topic=activation.topic, recipient_actor__slug="nacka").update(
        status=SENT
    )
    services.answer_by_sms(recipient=recipient(activation, "polisen.kontakt"), answer="attending")
    services.answer_by_sms(
        recipient=recipient(activation, "sosalarm.kontakt"), answer="later", minutes=20
    )
    services.answer_by_sms(
        recipient=recipient(activation, "varmdo.kontakt"), answer="not_attending"
    )
    figures = board_for(user("tib"), activation).figures
    assert figures["reached"] == 4  # Nacka by delivery, three by answering
    assert figures["answered"] == 3
    assert (figures["attending"], figures["later"], figures["not_attending"]) == (1, 1, 1)
    assert figures["waiting"] == 34


def test_the_actor_counts_as_attending_when_any_of_its_people_attends(activate, user):
    activation = activate()
    mailbox = Recipient.objects.get(
        activation=activation, participant__actor__slug="nacka", contact_point__isnull=False
    )
    services.answer_by_sms(recipient=recipient(activation, "nacka.kontakt"), answer="not_attending")
    services.record_answer(by=user("tib"), recipient=mailbox, answer="attending")
    (row,) = [r for r in board_for(user("tib"), activation).rows if r.actor.slug == "nacka"]
    assert row.state == "attending"


def test_the_board_page_shows_each_actor_and_its_deliveries(activate, client_for):
    activation = activate()
    mark(activation, SENT, channel="email")
    services.answer_by_sms(
        recipient=recipient(activation, "nacka.kontakt"), answer="later", minutes=20
    )
    text = board_page(client_for("polisen.kontakt"), activation)
    assert "Nacka kommun" in text and "Värmdö kommun" in text
    eta = timezone.localtime(timezone.now() + timedelta(minutes=20)).strftime("%H:%M")
    assert f"Kommer kl. {eta}" in text
    assert "E-post: levererat till leverantören" in text
    assert "Sms: väntar på att skickas" in text
    assert "Nådd, inget svar än" in text
    assert "37</strong> aktörer kallade" in text


def test_contact_details_show_only_to_the_county_boards_duty_functions_and_admins(
    activate, client_for
):
    activation = activate()
    nacka = recipient(activation, "nacka.kontakt")
    mobile = for_display(nacka.phone)
    for username in ("tib", "rsib", "rkk", "kansli"):
        text = board_page(client_for(username), activation)
        assert nacka.email in text, username
        assert mobile in text, username
    for username in ("nacka.kontakt", "polisen.kontakt", "lansstyrelsen.admin"):
        text = board_page(client_for(username), activation)
        assert nacka.email not in text, username
        assert mobile not in text and nacka.phone not in text, username
        assert "Kontaktfunktion" in text


def test_a_confidential_contact_point_is_shown_only_as_the_access_policy_allows(
    activate, actor, client_for
):
    police = actor("polisen")
    secret = ContactPoint.objects.create(
        owner_actor=police,
        function=Function.objects.get(actor=police, kind="contact"),
        channel=ContactChannel.EMAIL,
        value="rlc.skyddad@demo.samlad.example",
        label="RLC, skyddad brevlåda",
        classification="confidential",
        osl_reference="OSL 18 kap. 1 §",
        position=5,
    )
    secret.shared_with.set([police])
    activation = activate()
    assert Recipient.objects.filter(activation=activation, contact_point=secret).exists()
    # TiB is allowed contact details, but the policy does not share this one with the county board.
    assert "rlc.skyddad@" not in board_page(client_for("tib"), activation)
    secret.shared_with.add(actor("lansstyrelsen"))
    assert "rlc.skyddad@" in board_page(client_for("tib"), activation)
    assert ConfidentialRead.objects.filter(target_id=str(secret.public_id)).exists()


def sms_provider() -> str:
    return provider_names()["sms"]


def test_a_provider_that_is_down_shows_on_the_board(activate, client_for, user):
    """What the notify worker records after its batches (health.note) decides; the board adds
    how many of this call-out's messages are failing. (The whole path through the real worker:
    test_call_out_end_to_end.py.)"""
    activation = activate()
    mark(activation, SENT, channel="email")
    mark(activation, FAILED, channel="sms", error="HTTP 503 from 46elks")
    health.note(channel="email", provider="smtp", successes=40, failures=0)
    health.note(
        channel="sms",
        provider=sms_provider(),
        successes=0,
        failures=40,
        last_error="HTTP 503 from 46elks",
    )
    text = board_page(client_for("tib"), activation)
    assert "Sms-leverantören svarar inte" in text
    since = timezone.localtime(health.status_of("sms").since).strftime("%H:%M")
    assert f"sedan kl. {since}" in text
    assert "HTTP 503 from 46elks" in text
    assert "meddelanden misslyckas" in text
    assert "E-postservern svarar inte" not in text
    (sms,) = [c for c in board_for(user("tib"), activation).channels if c.channel == "sms"]
    assert sms.down
    assert sms.failing == Delivery.objects.filter(topic=activation.topic, channel="sms").count()


def test_a_provider_with_some_failures_shows_as_a_milder_notice(activate, client_for):
    activation = activate()
    health.note(
        channel="sms", provider=sms_provider(), successes=0, failures=2, last_error="HTTP 503"
    )
    health.note(channel="sms", provider=sms_provider(), successes=5, failures=0)
    text = board_page(client_for("tib"), activation)
    assert "Sms-leverantören har störningar" in text
    assert "vissa meddelanden misslyckas och skickas igen" in text
    assert "Sms-leverantören svarar inte" not in text


def test_failed_messages_alone_do_not_call_a_provider_down(activate, client_for):
    """A call-out whose messages failed while the provider is working again (or refused only
    these numbers) shows the failures per message, not a provider that is down."""
    activation = activate()
    mark(activation, FAILED, channel="sms", error="Invalid to number")
    health.note(channel="sms", provider=sms_provider(), successes=3, failures=0)
    text = board_page(client_for("tib"), activation)
    assert "Sms-leverantören svarar inte" not in text
    assert "Sms-leverantören har störningar" not in text
    assert "Invalid to number" in text


def test_the_time_since_activation_is_weighed_against_the_requirement(activate, client_for):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        activation = activate()
        text = board_page(client_for("tib"), activation)
        assert "krav: alla aktörer svarar inom 15 min" in text
        assert "Tidskravet har passerats" not in text
        clock.shift(timedelta(minutes=16))
        text = board_page(client_for("tib"), activation)
        assert "16 min" in text
        assert "Tidskravet har passerats och några aktörer har inte svarat." in text


def test_the_not_reached_list_names_the_actors(activate, client_for):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        activation = activate()
        from samlad.activation.services.escalation import escalate_due

        for _ in range(4):
            clock.shift(timedelta(minutes=5))
            escalate_due()
        text = board_page(client_for("nacka.kontakt"), activation)
    assert "Ej nådd" in text
    assert "TiB har larmats" in text


def test_tib_records_an_answer_given_by_phone(activate, client_for):
    activation = activate()
    nacka = recipient(activation, "nacka.kontakt")
    response = client_for("tib").post(
        f"/aktivering/{activation.public_id}/svar/{nacka.public_id}/",
        {"answer": "later", "minutes": "10"},
    )
    assert response.status_code == 302
    answered = Recipient.objects.get(pk=nacka.pk)
    assert (answered.answer, answered.answered_via) == ("later", "board")


def test_only_tib_records_answers_for_others(activate, client_for):
    activation = activate()
    nacka = recipient(activation, "nacka.kontakt")
    response = client_for("nacka.kontakt").post(
        f"/aktivering/{activation.public_id}/svar/{nacka.public_id}/", {"answer": "attending"}
    )
    assert response.status_code == 403
    assert Recipient.objects.get(pk=nacka.pk).answer == ""


def test_tib_widens_and_closes_on_the_board(activate, actor, client_for):
    activation = activate("verkstallande-forum-ledningscentraler")
    tib = client_for("tib")
    tib.post(
        f"/aktivering/{activation.public_id}/aktorer/",
        {"actors": [actor("stockholmshamnar").pk], "reason": "Fartyg i sjönöd"},
    )
    assert activation.participants.filter(actor__slug="stockholmshamnar").exists()
    assert "tillagd efter aktörsanalys" in board_page(tib, activation)
    tib.post(f"/aktivering/{activation.public_id}/avsluta/")
    activation.refresh_from_db()
    assert activation.status == "closed"


def test_everyone_in_the_network_sees_the_overview_and_the_board(activate, client_for):
    activation = activate()
    overview = client_for("vaxholm.kontakt").get("/aktivering/").content.decode()
    assert "Regionalt samordnande forum" in overview
    assert activation.code in overview
    assert "Aktivering" in overview


@pytest.mark.parametrize("path", ["/aktivering/", "/aktivering/forum/"])
def test_signed_out_visitors_are_sent_to_sign_in(path, client):
    response = client.get(path)
    assert response.status_code == 302
    assert "/konto/logga-in/" in response["Location"]


def test_an_unknown_activation_is_not_found(client_for):
    assert (
        client_for("tib").get("/aktivering/00000000-0000-0000-0000-000000000000/").status_code
        == 404
    )


def test_tib_activates_on_the_page_with_the_coordinating_forum_first(client_for, forum):
    tib = client_for("tib")
    form = tib.get("/aktivering/ny/").content.decode()
    coordinating = forum().public_id
    assert f'value="{coordinating}" selected' in form
    staff = forum("regional-samverkansstab").public_id
    assert f'value="{staff}" selected' in tib.get(f"/aktivering/ny/?forum={staff}").content.decode()
    response = tib.post(
        "/aktivering/ny/", {"forum": coordinating, "reason": "Skyfall", "is_exercise": "on"}
    )
    activation = forum().activations.get()
    assert response["Location"] == f"/aktivering/{activation.public_id}/"
    assert activation.is_exercise


def test_a_bad_activation_form_is_refused_and_calls_nobody(client_for, forum):
    response = client_for("tib").post(
        "/aktivering/ny/", {"forum": forum().public_id, "bridge_pin": "12ab"}
    )
    assert response.status_code == 400
    assert "PIN-koden består bara av siffror." in response.content.decode()
    assert not Delivery.objects.exists()


def test_only_tib_opens_the_activation_form(client_for):
    assert client_for("nacka.kontakt").get("/aktivering/ny/").status_code == 403
