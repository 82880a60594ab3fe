"""The weekly regional cooperation conference (Thursdays 16:00) is called out automatically at
09:00 the same day, once per week whatever the worker does, and closes itself afterwards."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from samlad.activation.models import Activation
from samlad.activation.services.scheduled import call_out_due, close_past_meetings
from samlad.core import schedule
from samlad.notify.models import Delivery

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# Thursday 4 March 2027 (winter time) and Thursday 1 April 2027 (summer time).
THURSDAY = datetime(2027, 3, 4, tzinfo=STOCKHOLM).date()


def at(day, hour, minute=0):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM)


def weekly():
    return Activation.objects.filter(forum__slug="regional-samverkanskonferens", kind="scheduled")


@pytest.fixture
def clock(db):
    with time_machine.travel(at(THURSDAY, 8, 59), tick=False) as traveller:
        yield traveller


def test_nothing_is_called_before_nine_on_thursday(clock):
    assert call_out_due() == []
    assert not weekly().exists()


def test_the_thursday_meeting_is_called_out_at_nine_for_sixteen(clock):
    clock.move_to(at(THURSDAY, 9, 0))
    (activation,) = call_out_due()
    assert activation.meeting_at == at(THURSDAY, 16, 0)
    assert activation.activated_by is None
    assert activation.participants.count() == 37
    sms = Delivery.objects.filter(topic=activation.topic, channel="sms").first()
    assert "16:00" in sms.body


def test_the_weekly_call_out_happens_once_per_week(clock):
    clock.move_to(at(THURSDAY, 9, 0))
    call_out_due()
    deliveries = Delivery.objects.count()
    for later in (at(THURSDAY, 9, 1), at(THURSDAY, 12, 0), at(THURSDAY, 15, 59)):
        clock.move_to(later)
        assert call_out_due() == []
    assert weekly().count() == 1
    assert Delivery.objects.count() == deliveries
    clock.move_to(at(THURSDAY + timedelta(days=7), 9, 30))
    call_out_due()
    assert weekly().count() == 2


def test_summer_time_keeps_the_meeting_at_sixteen_stockholm_time(clock):
    summer = datetime(2027, 4, 1, tzinfo=STOCKHOLM).date()
    clock.move_to(at(summer, 9, 0))
    (activation,) = call_out_due()
    assert activation.meeting_at.astimezone(STOCKHOLM).hour == 16
    assert activation.meeting_at == at(summer, 16, 0)


def test_the_weekly_call_out_closes_itself_two_hours_after_the_meeting(clock):
    clock.move_to(at(THURSDAY, 9, 0))
    (activation,) = call_out_due()
    clock.move_to(at(THURSDAY, 18, 59))
    assert close_past_meetings() == 0
    clock.move_to(at(THURSDAY, 19, 0))
    assert close_past_meetings() == 1
    assert Activation.objects.get(pk=activation.pk).status == "closed"


def test_the_worker_runs_the_weekly_job(clock):
    clock.move_to(at(THURSDAY, 9, 0))
    assert "activation.weekly_call_out" in schedule.run_due()
    assert "activation.weekly_call_out" not in schedule.run_due()
    assert weekly().count() == 1


def test_a_forum_no_longer_in_use_is_not_called(clock, forum):
    conference = forum("regional-samverkanskonferens")
    conference.is_active = False
    conference.save()
    clock.move_to(at(THURSDAY, 9, 0))
    assert call_out_due() == []
