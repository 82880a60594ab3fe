"""Answering without signing in: the link in the message opens a page with three answers, one
click each. A forged, expired, closed, reused or cross-activation link is refused with a clear
page and changes nothing."""

from datetime import timedelta

import pytest
import time_machine
from django.core import signing
from django.test import Client
from django.utils import timezone

from samlad.activation import links, services
from samlad.activation.models import Participant, Recipient
from samlad.core.models import Change


@pytest.fixture
def nacka(activate):
    """Nacka's person on duty, called to the coordinating forum."""
    activation = activate()
    return Recipient.objects.get(activation=activation, user__username="nacka.kontakt")


def url(recipient) -> str:
    return f"/aktivering/svar/{links.token_for(recipient)}/"


def fresh(recipient) -> Recipient:
    return Recipient.objects.get(pk=recipient.pk)


def nacka_answered(recipient) -> bool:
    return Participant.objects.get(pk=recipient.participant_id).answered_at is not None


def test_opening_the_link_shows_the_meeting_and_changes_nothing(nacka):
    page = Client().get(url(nacka))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Regionalt samordnande forum" in text
    assert "08-465 004 81" in text
    assert "Kommer inte" in text and "Kommer senare" in text
    assert fresh(nacka).answer == ""


def test_one_click_answers_attending_and_marks_the_actor_answered(nacka):
    page = Client().post(url(nacka), {"answer": "attending"})
    assert page.status_code == 200
    assert "Tack. Ditt svar är registrerat: kommer" in page.content.decode()
    assert fresh(nacka).answer == "attending"
    assert fresh(nacka).answered_via == "link"
    assert nacka_answered(nacka)
    assert Change.objects.filter(topic=nacka.activation.topic, kind="answer").exists()


def test_later_with_an_eta(nacka):
    Client().post(url(nacka), {"answer": "later", "minutes": "20"})
    answered = fresh(nacka)
    assert answered.answer == "later"
    assert abs(answered.eta - (timezone.now() + timedelta(minutes=20))) < timedelta(seconds=30)


def test_later_without_minutes_is_refused_on_the_form(nacka):
    page = Client().post(url(nacka), {"answer": "later", "minutes": ""})
    assert page.status_code == 400
    assert "Ange om hur många minuter du kan ansluta." in page.content.decode()
    assert fresh(nacka).answer == ""


def test_a_reused_link_is_refused_and_changes_nothing(nacka):
    link = url(nacka)
    Client().post(link, {"answer": "attending"})
    again = Client().post(link, {"answer": "not_attending"})
    assert again.status_code == 409
    text = again.content.decode()
    assert "Länken har redan använts för att svara. Inget ändrades." in text
    assert "Registrerat svar: kommer" in text
    assert fresh(nacka).answer == "attending"
    assert Client().get(link).status_code == 409


def test_the_confirmation_page_lets_the_same_person_correct_the_answer_once(nacka):
    services.answer_by_link(token=links.token_for(nacka), answer="later", minutes=30)
    correction = url(fresh(nacka))
    assert Client().post(correction, {"answer": "attending"}).status_code == 200
    assert fresh(nacka).answer == "attending"
    assert Client().post(correction, {"answer": "not_attending"}).status_code == 409
    assert fresh(nacka).answer == "attending"


def test_a_forged_link_is_refused_and_changes_nothing(nacka):
    token = links.token_for(nacka)
    tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    for bad in (tampered, "not-a-token", token.replace(nacka.public_id.hex[:4], "ffff", 1)):
        page = Client().post(f"/aktivering/svar/{bad}/", {"answer": "attending"})
        assert page.status_code == 400
        assert "Länken är ogiltig" in page.content.decode()
    assert fresh(nacka).answer == ""


def test_a_link_signed_for_another_purpose_is_refused(nacka):
    value = f"{nacka.public_id.hex}.{nacka.activation.code}.{nacka.link_nonce}"
    other_salt = signing.TimestampSigner(salt="samlad.accounts.password-reset").sign(value)
    assert (
        Client().post(f"/aktivering/svar/{other_salt}/", {"answer": "attending"}).status_code == 400
    )
    assert fresh(nacka).answer == ""


def test_an_expired_link_is_refused_and_changes_nothing(nacka):
    link = url(nacka)
    with time_machine.travel(timezone.now() + timedelta(hours=24, minutes=1)):
        page = Client().post(link, {"answer": "attending"})
    assert page.status_code == 410
    assert "Länken har gått ut. Inget registrerades." in page.content.decode()
    assert fresh(nacka).answer == ""


def test_a_link_to_a_closed_activation_is_refused(nacka, user):
    services.close_activation(by=user("tib"), activation=nacka.activation)
    page = Client().post(url(nacka), {"answer": "attending"})
    assert page.status_code == 410
    assert "Aktiveringen är avslutad" in page.content.decode()
    assert fresh(nacka).answer == ""


def test_a_link_cannot_answer_for_another_activation(nacka, activate):
    other = activate("regional-samverkansstab")
    theirs = Recipient.objects.filter(activation=other).first()
    # Nacka's recipient with the other activation's code: validly signed, but it does not match.
    value = f"{nacka.public_id.hex}.{other.code}.{nacka.link_nonce}"
    crossed = signing.TimestampSigner(salt=links.SALT).sign(value)
    page = Client().post(f"/aktivering/svar/{crossed}/", {"answer": "attending"})
    assert page.status_code == 400
    assert fresh(nacka).answer == ""
    assert fresh(theirs).answer == ""
    assert not other.participants.exclude(answered_at=None).exists()


def test_an_answer_link_needs_no_sign_in_and_shows_no_one_elses_data(nacka):
    page = Client().get(url(nacka))
    text = page.content.decode()
    assert "Logga in" not in text or "/konto/logga-in/" not in page.get("Location", "")
    assert "polisen.kontakt" not in text
    assert "@demo.samlad.example" not in text
