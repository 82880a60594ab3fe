"""Issue 12 item 10: escalation and "not reached" under a real clock. The real worker
(tests/worker.py) runs the escalation job on a clock the test moves (tests/clocked.py); a
call-out where some actors never answer goes deputy → 24/7 contact function → the not-reached
list → TiB alerted by e-mail and SMS, and the board's requirement clock turns red."""

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client

from clocked import SharedClock
from samlad.accounts.demo import FICTION_MOBILES
from samlad.accounts.models import User
from samlad.activation import services
from samlad.activation.models import Forum, Participant, Recipient
from samlad.actors.models import Actor, Function, FunctionAssignment
from samlad.notify.models import Delivery, DeliveryStatus
from worker import running_worker, wait_until, worker_env

pytestmark = pytest.mark.django_db(transaction=True)

START = datetime(2027, 2, 9, 2, 0, tzinfo=UTC)  # 03:00 in Stockholm, a Tuesday night
JOBS = ("notify.sweep", "activation.escalate")


@pytest.fixture
def clock(tmp_path):
    shared = SharedClock(tmp_path / "clock", START)
    yield shared
    shared.stop()


def unused_mobiles() -> list[str]:
    """Fiction mobile numbers no demo user has (the demo hands them out in order)."""
    used = {str(person.phone) for person in User.objects.exclude(phone="")}
    return [number for number in FICTION_MOBILES if number not in used]


def communicator(username: str, position: int, phone: str) -> User:
    nacka = Actor.objects.get(slug="nacka")
    person = User.objects.create(
        username=username, actor=nacka, email=f"{username}@demo.samlad.example", phone=phone
    )
    function = Function.objects.get(actor=nacka, kind="communicator")
    FunctionAssignment.objects.create(function=function, user=person, position=position)
    return person


def called(activation, username: str) -> bool:
    return Recipient.objects.filter(activation=activation, user__username=username).exists()


def e164(person: User) -> str:
    return person.phone.as_e164


def nacka_in(activation) -> Participant:
    return Participant.objects.get(activation=activation, actor__slug="nacka")


def when_the_step_runs_out(activation, minutes: int) -> datetime:
    """A moment after Nacka's current step has run out (by the clock that started the step: the
    worker's, and this process's for the first call), whatever the machine's load delayed."""
    return nacka_in(activation).step_started_at + timedelta(minutes=minutes, seconds=1)


def texted(sms, number: str, code: str) -> bool:
    return any(s.to == number and code in s.text for s in sms.sms)


def test_unanswered_actors_escalate_to_the_not_reached_list_and_tib_is_alerted(
    local_servers, clock, tmp_path
):
    smtp, sms = local_servers
    first_number, deputy_number = unused_mobiles()[-2:]
    first = communicator("nacka.kommunikator", 1, first_number)
    deputy = communicator("nacka.stf.kommunikator", 2, deputy_number)
    forum = Forum.objects.get(slug="kommunikationssamordning")
    step, requirement = forum.step_minutes, forum.answer_within_minutes
    tib = User.objects.get(username="tib")
    activation = services.activate(by=tib, forum=forum, reason="Samordnade budskap om skyfallet")
    police = Recipient.objects.filter(
        activation=activation, participant__actor__slug="polisen"
    ).first()
    services.answer_by_sms(recipient=police, answer="attending")
    assert called(activation, first.username) and not called(activation, deputy.username)
    assert not called(activation, "nacka.kontakt")
    log = tmp_path / "worker.log"

    with running_worker(worker_env(smtp, sms, **clock.env()), log, jobs=JOBS):
        wait_until(lambda: texted(sms, e164(first), activation.code), 60, "the first SMS")

        clock.move_to(when_the_step_runs_out(activation, step))
        wait_until(
            lambda: texted(sms, e164(deputy), activation.code),
            60,
            f"the deputy to be called after {step} minutes (worker log: {log})",
        )
        assert not called(activation, "nacka.kontakt")

        clock.move_to(when_the_step_runs_out(activation, step))
        nacka_contact = User.objects.get(username="nacka.kontakt")
        wait_until(
            lambda: texted(sms, e164(nacka_contact), activation.code),
            60,
            f"the 24/7 contact function to be called (worker log: {log})",
        )
        nacka = nacka_in(activation)
        assert nacka.not_reached_at is None

        board = Client()
        board.force_login(tib, backend="samlad.accounts.backends.SamladBackend")
        page = board.get(f"/aktivering/{activation.public_id}/").content.decode()
        assert "overdue-note" not in page

        requirement_passed = nacka.called_at + timedelta(minutes=requirement, seconds=1)
        clock.move_to(max(requirement_passed, when_the_step_runs_out(activation, step)))
        wait_until(
            lambda: Participant.objects.get(pk=nacka.pk).not_reached_at is not None,
            60,
            f"Nacka on the not-reached list (worker log: {log})",
        )
        alerts = Delivery.objects.filter(
            topic=activation.topic,
            idempotency_key__contains=":not-reached:",
            recipient_user=tib,
        )
        wait_until(
            lambda: alerts.filter(status=DeliveryStatus.SENT).count() >= 2,
            60,
            "TiB's not-reached alert by e-mail and SMS",
        )
    assert {a.channel for a in alerts.filter(status=DeliveryStatus.SENT)} == {"email", "sms"}
    emailed = "".join(a.body for a in alerts.filter(channel="email"))
    assert "Nacka kommun" in emailed and "Polismyndigheten" not in emailed
    # The SMTP server accepted every e-mail the worker recorded as sent to TiB, the alert included.
    sent_to_tib = Delivery.objects.filter(recipient_user=tib, channel="email", status="sent")
    assert 0 < sent_to_tib.count() <= len([m for m in smtp.messages if tib.email in str(m["To"])])
    assert any(s.to == e164(tib) for s in sms.sms)
    assert not Participant.objects.get(activation=activation, actor__slug="polisen").not_reached_at

    page = board.get(f"/aktivering/{activation.public_id}/").content.decode()
    assert "overdue-note" in page
