"""Periodic jobs run by the background worker (`manage.py samlad_worker`).

An app registers a job with `@every(seconds=...)` in a module its AppConfig.ready() imports. Every
worker runs the scheduler, and a job's next run is claimed with one atomic UPDATE, so with several
workers each due run happens once. A job is a plain function taking no arguments; it should be
quick, or enqueue a task for the heavy part. `run_due()` is also what tests call."""

import fnmatch
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from django.db import close_old_connections, connection
from django.utils import timezone

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    seconds: int
    function: Callable[[], object]


JOBS: dict[str, Job] = {}

JobFunction = TypeVar("JobFunction", bound=Callable[[], object])


def every(*, seconds: int, name: str | None = None) -> Callable[[JobFunction], JobFunction]:
    """Registers the decorated function as a job to run every `seconds` (named after it)."""

    def register(function: JobFunction) -> JobFunction:
        job_name = name or f"{function.__module__}.{function.__qualname__}"
        JOBS[job_name] = Job(job_name, seconds, function)
        return function

    return register


def selected(patterns: tuple[str, ...]) -> list[Job]:
    """The registered jobs whose names match any of the shell-style patterns ("*" is all)."""
    return [
        job
        for job in JOBS.values()
        if any(fnmatch.fnmatchcase(job.name, pattern) for pattern in patterns)
    ]


def run_due(now: datetime | None = None, *, only: tuple[str, ...] = ("*",)) -> list[str]:
    """Run every registered job (of those matching `only`) whose time has come; returns the
    names that ran here."""
    from samlad.core.models import ScheduledJob

    now = now or timezone.now()
    ran = []
    for job in selected(only):
        ScheduledJob.objects.get_or_create(name=job.name, defaults={"next_run_at": now})
        claimed = ScheduledJob.objects.filter(name=job.name, next_run_at__lte=now).update(
            next_run_at=now + timedelta(seconds=job.seconds), last_run_at=now
        )
        if not claimed:
            continue
        try:
            job.function()
        except Exception:
            log.exception("scheduled job %s failed", job.name)
        ran.append(job.name)
    return ran


class Scheduler(threading.Thread):
    def __init__(self, *, interval: float = 1.0, only: tuple[str, ...] = ("*",)):
        super().__init__(name="samlad-scheduler", daemon=True)
        self.interval = interval
        self.only = only
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            close_old_connections()
            try:
                run_due(only=self.only)
            except Exception:
                log.exception("scheduler round failed")
                connection.close()
            self.stopped.wait(self.interval)

    def stop(self) -> None:
        self.stopped.set()
