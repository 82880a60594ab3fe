"""Escalation: an actor that does not answer within a step (5 minutes in the coordinating forum,
whose requirement is 15) has its deputy called, then its 24/7 contact function; when nobody new
is left and the requirement has passed, it goes on the "not reached" list and TiB is alerted."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from samlad.activation import services
from samlad.activation.jobs import escalate
from samlad.activation.models import Participant, Recipient
from samlad.activation.services.escalation import escalate_due
from samlad.core import schedule
from samlad.notify.models import Delivery


def participant(activation, slug) -> Participant:
    return Participant.objects.get(activation=activation, actor__slug=slug)


def called(activation, slug) -> set[str]:
    recipients = Recipient.objects.filter(activation=activation, participant__actor__slug=slug)
    return {r.user.username if r.user else r.name for r in recipients}


def tib_alerts(activation):
    return Delivery.objects.filter(
        topic=activation.topic, idempotency_key__contains=":not-reached:"
    )


@pytest.fixture
def start():
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


def test_the_deputy_is_called_after_the_step_then_the_actor_is_not_reached(start, activate, staff):
    staff("nacka", "contact", "nacka.ersattare")
    activation = activate()
    assert called(activation, "nacka") == {
        "nacka.kontakt",
        "Funktionsbrevlåda, bevakas dygnet runt",
    }

    start.shift(timedelta(minutes=4, seconds=59))
    escalate_due()
    assert "nacka.ersattare" not in called(activation, "nacka")

    start.shift(timedelta(seconds=1))
    escalate_due()
    assert "nacka.ersattare" in called(activation, "nacka")
    deputy = Delivery.objects.filter(recipient_user__username="nacka.ersattare")
    assert sorted(deputy.values_list("channel", flat=True)) == ["email", "sms"]
    assert participant(activation, "nacka").step == 1

    # Nobody new at the 24/7 contact function (it is the forum's function): wait for the
    # requirement (15 minutes), then the not-reached list.
    start.shift(timedelta(minutes=5))
    escalate_due()
    assert participant(activation, "nacka").not_reached_at is None
    assert not tib_alerts(activation).exists()

    start.shift(timedelta(minutes=5))
    escalate_due()
    assert participant(activation, "nacka").not_reached_at is not None
    alert = tib_alerts(activation).get(channel="email", recipient_user__username="tib")
    assert "Nacka kommun" in alert.body
    assert tib_alerts(activation).filter(channel="sms").exists()


def test_directing_forum_escalates_from_representative_to_deputy_to_contact_function(
    start, activate, staff
):
    staff("nacka", "directing_rep", "nacka.kommundirektor", position=1)
    staff("nacka", "directing_rep", "nacka.stf.kommundirektor", position=2)
    activation = activate("regionalt-inriktande-forum")
    # The directing forum is reached through the contact function too (MODEL.md).
    assert "nacka.kommundirektor" in called(activation, "nacka")
    assert "nacka.stf.kommundirektor" not in called(activation, "nacka")

    start.shift(timedelta(minutes=20))
    escalate_due()
    assert "nacka.stf.kommundirektor" in called(activation, "nacka")

    start.shift(timedelta(minutes=40))
    escalate_due()
    assert participant(activation, "nacka").not_reached_at is not None
    assert "Nacka kommun" in tib_alerts(activation).get(channel="email").body


def test_an_actor_with_a_member_function_unstaffed_gets_its_contact_function(start, activate):
    activation = activate("kommunikationssamordning")
    assert called(activation, "nacka") >= {"nacka.kontakt"}
    assert participant(activation, "nacka").step == 2


def test_an_actor_that_answered_is_not_escalated(start, activate, staff):
    staff("nacka", "contact", "nacka.ersattare")
    activation = activate()
    nacka = Recipient.objects.get(activation=activation, user__username="nacka.kontakt")
    services.answer_by_sms(recipient=nacka, answer="attending")
    start.shift(timedelta(minutes=30))
    escalate_due()
    assert "nacka.ersattare" not in called(activation, "nacka")
    assert participant(activation, "nacka").not_reached_at is None
    assert "Nacka kommun" not in tib_alerts(activation).get(channel="email").body


def test_running_twice_or_late_calls_nobody_twice(start, activate, staff):
    staff("nacka", "contact", "nacka.ersattare")
    activation = activate()
    start.shift(timedelta(minutes=6))
    escalate_due()
    escalate_due()
    assert (
        Recipient.objects.filter(activation=activation, user__username="nacka.ersattare").count()
        == 1
    )
    assert Delivery.objects.filter(recipient_user__username="nacka.ersattare").count() == 2
    start.shift(timedelta(minutes=60))
    escalate_due()
    escalate_due()
    assert tib_alerts(activation).filter(channel="email").count() == 1


def test_a_closed_activation_is_not_escalated(start, activate, staff, user):
    staff("nacka", "contact", "nacka.ersattare")
    activation = activate()
    services.close_activation(by=user("tib"), activation=activation)
    start.shift(timedelta(minutes=30))
    escalate_due()
    assert "nacka.ersattare" not in called(activation, "nacka")


def test_the_worker_runs_escalation_as_a_periodic_job(start, activate, staff):
    staff("nacka", "contact", "nacka.ersattare")
    activation = activate()
    start.shift(timedelta(minutes=6))
    assert "activation.escalate" in schedule.run_due()
    assert "nacka.ersattare" in called(activation, "nacka")
    assert escalate is schedule.JOBS["activation.escalate"].function
