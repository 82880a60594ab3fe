"""The weekly regional cooperation conference, called out by the real worker's scheduler on a
clock the test moves (tests/clocked.py): at 09:00 on Thursday and not before, once and not twice,
never on a Friday, and ended two hours after the meeting. A worker started by a test runs no such
job unless the test asks for it."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from clocked import SharedClock
from samlad.activation.models import Activation
from samlad.core.models import ScheduledJob
from samlad.notify.models import Delivery, DeliveryStatus
from worker import running_worker, wait_until, worker_env

pytestmark = pytest.mark.django_db(transaction=True)

STOCKHOLM = ZoneInfo("Europe/Stockholm")
THURSDAY = datetime(2027, 3, 4, tzinfo=STOCKHOLM).date()
WEEKLY_JOBS = ("notify.sweep", "activation.weekly_call_out")


def at(day, hour, minute=0):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM)


def weekly():
    return Activation.objects.filter(forum__slug="regional-samverkanskonferens", kind="scheduled")


@pytest.fixture
def clock(tmp_path):
    shared = SharedClock(tmp_path / "clock", at(THURSDAY, 8, 59))
    yield shared
    shared.stop()


def worker_for(local_servers, clock, tmp_path, *, jobs=WEEKLY_JOBS):
    smtp, sms = local_servers
    env = worker_env(smtp, sms, **clock.env())
    return running_worker(env, tmp_path / "worker.log", jobs=jobs)


def wait_for_the_scheduler(since: datetime, tmp_path) -> None:
    """Until the worker has run the weekly job at or after `since` on its clock."""
    wait_until(
        lambda: ScheduledJob.objects.filter(
            name="activation.weekly_call_out", last_run_at__gte=since
        ).exists(),
        30,
        f"the worker's scheduler to run the weekly job (its log: {tmp_path / 'worker.log'})",
    )


def all_sent(activation) -> bool:
    messages = Delivery.objects.filter(topic=activation.topic)
    return messages.exists() and not messages.exclude(status=DeliveryStatus.SENT).exists()


def test_the_worker_calls_the_conference_out_once_at_nine_and_ends_it_after_the_meeting(
    local_servers, clock, tmp_path
):
    smtp, sms = local_servers
    with worker_for(local_servers, clock, tmp_path):
        wait_for_the_scheduler(at(THURSDAY, 8, 59), tmp_path)
        assert not weekly().exists()

        clock.move_to(at(THURSDAY, 9, 0))
        wait_until(weekly().exists, 30, "the Thursday call-out")
        (activation,) = weekly()
        assert activation.meeting_at == at(THURSDAY, 16, 0)
        wait_until(lambda: all_sent(activation), 60, "every message of the call-out to be sent")
        texts = [s for s in sms.sms if activation.code in s.text]
        mails = [m for m in smtp.messages if activation.code in m["Subject"]]
        assert texts and mails
        assert all("16:00" in s.text for s in texts)

        clock.move_to(at(THURSDAY, 18, 1))
        wait_for_the_scheduler(at(THURSDAY, 18, 1), tmp_path)
        assert weekly().count() == 1
        assert len([s for s in sms.sms if activation.code in s.text]) == len(texts)
        assert len([m for m in smtp.messages if activation.code in m["Subject"]]) == len(mails)
        activation.refresh_from_db()
        assert activation.status == "open"  # the meeting (16:00–17:00) ended an hour ago

        clock.move_to(at(THURSDAY, 19, 1))  # two hours after the meeting ended
        wait_until(
            lambda: Activation.objects.get(pk=activation.pk).status == "closed",
            30,
            "the call-out to end two hours after the meeting",
        )
    assert weekly().count() == 1


def test_the_worker_calls_nobody_on_a_friday(local_servers, clock, tmp_path):
    friday = THURSDAY + timedelta(days=1)
    clock.move_to(at(friday, 9, 0))
    with worker_for(local_servers, clock, tmp_path):
        wait_for_the_scheduler(at(friday, 9, 0), tmp_path)
        clock.move_to(at(friday, 16, 30))
        wait_for_the_scheduler(at(friday, 16, 30), tmp_path)
    assert not weekly().exists()
    assert local_servers[1].sms == [] and local_servers[0].messages == []


def test_a_worker_started_by_a_test_runs_no_weekly_call_out_unless_asked(
    local_servers, clock, tmp_path
):
    clock.move_to(at(THURSDAY, 9, 5))
    with worker_for(local_servers, clock, tmp_path, jobs=("notify.sweep",)):
        wait_until(
            lambda: ScheduledJob.objects.filter(
                name="notify.sweep", last_run_at__gte=at(THURSDAY, 9, 5)
            ).exists(),
            30,
            "the worker's outbox sweep to run",
        )
    assert not ScheduledJob.objects.filter(name="activation.weekly_call_out").exists()
    assert not weekly().exists()
    assert local_servers[1].sms == []
