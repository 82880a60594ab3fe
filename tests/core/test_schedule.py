from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from samlad.core import schedule


def test_a_due_job_runs_once_until_its_interval_has_passed(db, monkeypatch):
    calls = []
    monkeypatch.setattr(schedule, "JOBS", {})
    schedule.every(seconds=60, name="count")(lambda: calls.append(1))
    now = timezone.now()
    assert schedule.run_due(now) == ["count"]
    assert schedule.run_due(now + timedelta(seconds=30)) == []
    assert schedule.run_due(now + timedelta(seconds=61)) == ["count"]
    assert len(calls) == 2


def test_a_failing_job_does_not_stop_the_others(db, monkeypatch):
    calls = []
    monkeypatch.setattr(schedule, "JOBS", {})

    def broken():
        raise RuntimeError("boom")

    schedule.every(seconds=60, name="broken")(broken)
    schedule.every(seconds=60, name="fine")(lambda: calls.append(1))
    assert set(schedule.run_due()) == {"broken", "fine"}
    assert calls == [1]


def test_a_worker_can_be_limited_to_some_periodic_jobs(db, monkeypatch):
    calls = []
    monkeypatch.setattr(schedule, "JOBS", {})
    schedule.every(seconds=60, name="notify.sweep")(lambda: calls.append("sweep"))
    schedule.every(seconds=60, name="activation.weekly_call_out")(lambda: calls.append("week"))
    assert schedule.run_due(only=("notify.*",)) == ["notify.sweep"]
    assert calls == ["sweep"]


def test_the_worker_refuses_a_periodic_job_name_it_does_not_know():
    with pytest.raises(CommandError, match="no periodic job matches activation.weekly_callout"):
        call_command("samlad_worker", jobs="activation.weekly_callout")
