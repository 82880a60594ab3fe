"""Any actor's contact function asks TiB to activate; TiB on duty is alerted at once by e-mail
and SMS and decides: activate, or decline with a reason the requester sees and is told."""

import pytest
from django.core.exceptions import ValidationError

from samlad.activation import services
from samlad.activation.models import Activation, ActivationRequest
from samlad.core.errors import NotPermitted
from samlad.core.models import LogEntry
from samlad.notify.models import Delivery


@pytest.fixture
def nacka_asks(user, forum):
    """Nacka's contact function asks for the coordinating forum."""
    return services.file_request(
        by=user("nacka.kontakt"),
        reason="Stormen har slagit ut elen i Boo; risk för långvarigt avbrott.",
        suggested_forum=forum(),
        urgency="immediate",
    )


def messages_to(username: str):
    return Delivery.objects.filter(recipient_user__username=username)


def test_a_request_alerts_tib_on_duty_by_e_mail_and_sms_at_once(nacka_asks, user):
    tib = user("tib")
    alerts = messages_to("tib").filter(topic=f"activation-request:{nacka_asks.public_id}")
    assert sorted(alerts.values_list("channel", "address")) == [
        ("email", tib.email),
        ("sms", tib.phone.as_e164),
    ]
    email = alerts.get(channel="email")
    assert "Nacka kommun" in email.subject
    assert "Stormen har slagit ut elen" in email.body
    assert f"/aktivering/begaran/{nacka_asks.public_id}/" in email.body
    assert "Nacka kommun" in alerts.get(channel="sms").body
    assert LogEntry.objects.filter(action="activation_request.filed").exists()


def test_the_request_page_offers_tib_to_activate_or_decline(nacka_asks, client_for):
    page = client_for("tib").get(f"/aktivering/begaran/{nacka_asks.public_id}/")
    text = page.content.decode()
    assert "Väntar på TiB" in text
    assert "Aktivera och kalla" in text and "Avslå begäran" in text


def test_tib_declines_with_a_reason_the_requester_sees_and_is_told(nacka_asks, client_for):
    declined = client_for("tib").post(
        f"/aktivering/begaran/{nacka_asks.public_id}/avsla/",
        {"reason": "Hanteras lokalt; ingen regional samordning behövs just nu."},
    )
    assert declined.status_code == 302
    page = client_for("nacka.kontakt").get(f"/aktivering/begaran/{nacka_asks.public_id}/")
    text = page.content.decode()
    assert "Avslagen" in text
    assert "Hanteras lokalt; ingen regional samordning behövs just nu." in text
    told = messages_to("nacka.kontakt")
    assert sorted(told.values_list("channel", flat=True)) == ["email", "sms"]
    for message in told:
        assert "Hanteras lokalt" in message.body
    assert "avslagen" in told.get(channel="email").subject
    assert Activation.objects.count() == 0


def test_declining_without_a_reason_is_refused_and_the_request_stays_open(nacka_asks, client_for):
    page = client_for("tib").post(
        f"/aktivering/begaran/{nacka_asks.public_id}/avsla/", {"reason": "  "}
    )
    assert page.status_code == 400
    assert ActivationRequest.objects.get(pk=nacka_asks.pk).status == "pending"
    assert not messages_to("nacka.kontakt").exists()


def test_tib_activates_the_request_and_the_requester_is_told(nacka_asks, client_for, forum):
    response = client_for("tib").post(
        f"/aktivering/begaran/{nacka_asks.public_id}/aktivera/",
        {"forum": forum().public_id, "reason": nacka_asks.reason},
    )
    activation = Activation.objects.get(request=nacka_asks)
    assert response.status_code == 302
    assert response["Location"] == f"/aktivering/{activation.public_id}/"
    assert ActivationRequest.objects.get(pk=nacka_asks.pk).status == "activated"
    decision = messages_to("nacka.kontakt").filter(
        topic=f"activation-request:{nacka_asks.public_id}"
    )
    assert "beviljad" in decision.get(channel="email").subject
    page = client_for("nacka.kontakt").get(f"/aktivering/begaran/{nacka_asks.public_id}/")
    assert f"/aktivering/{activation.public_id}/" in page.content.decode()


def test_a_request_is_decided_once(nacka_asks, user):
    services.decline_request(by=user("tib"), activation_request=nacka_asks, reason="Nej")
    with pytest.raises(ValidationError):
        services.activate_request(by=user("tib"), activation_request=nacka_asks)
    assert Activation.objects.count() == 0


def test_only_tib_decides(nacka_asks, user, client_for):
    for username in ("nacka.kontakt", "rsib", "polisen.kontakt"):
        with pytest.raises(NotPermitted):
            services.decline_request(by=user(username), activation_request=nacka_asks, reason="x")
    assert (
        client_for("rsib")
        .post(f"/aktivering/begaran/{nacka_asks.public_id}/avsla/", {"reason": "x"})
        .status_code
        == 403
    )


def test_another_actor_cannot_see_the_request(nacka_asks, client_for):
    assert (
        client_for("polisen.kontakt")
        .get(f"/aktivering/begaran/{nacka_asks.public_id}/")
        .status_code
        == 404
    )


def test_a_permission_administrator_cannot_ask_for_an_activation(client_for):
    assert client_for("nacka.admin").get("/aktivering/begaran/ny/").status_code == 403


def test_a_contact_function_files_a_request_on_the_page(client_for, forum):
    page = client_for("varmdo.kontakt").post(
        "/aktivering/begaran/ny/",
        {
            "reason": "Översvämning i Gustavsberg",
            "suggested_forum": forum().public_id,
            "urgency": "within_hour",
        },
    )
    filed = ActivationRequest.objects.get()
    assert page.status_code == 302
    assert filed.requesting_actor.slug == "varmdo"
    assert messages_to("tib").filter(channel="sms").exists()


def test_a_request_without_a_reason_is_refused_on_the_form(client_for):
    page = client_for("varmdo.kontakt").post(
        "/aktivering/begaran/ny/", {"reason": "", "urgency": "immediate"}
    )
    assert page.status_code == 400
    assert ActivationRequest.objects.count() == 0
    assert Delivery.objects.count() == 0


def test_tib_sees_the_pending_request_on_the_overview(nacka_asks, client_for):
    text = client_for("tib").get("/aktivering/").content.decode()
    assert "Begäranden som väntar på TiB" in text
    assert "Stormen har slagit ut elen" in text
    other = client_for("polisen.kontakt").get("/aktivering/").content.decode()
    assert "Stormen har slagit ut elen" not in other
