"""The background worker: django-tasks-db's `db_worker`, plus a heartbeat for /healthz and the
scheduler of periodic jobs (samlad.core.schedule).

`--jobs` limits which periodic jobs this worker runs (shell-style names, comma-separated; all by
default) and `--no-scheduler` runs none: a worker started by a test runs only the jobs the test
asks for, so the weekly conference call-out never fires inside an unrelated test.

The worker outlives the database going away (a restart, a failover): the task under way fails,
the worker waits until the database answers again and goes on. What the task was sending comes
back through the outbox's own recovery (claims whose lease ran out, the journal of acceptances:
docs/delivery.md), so nothing is lost or sent twice."""

import itertools
import logging
import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import CommandError
from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands import db_worker

from samlad.core import schedule
from samlad.core.heartbeat import Heartbeat

log = logging.getLogger(__name__)

RECONNECT_WAIT_SECONDS = (0.5, 1, 2, 5)  # between tries, the last one repeated


class Command(db_worker.Command):
    help = "Run Samlad's background worker (database task queue) with a health heartbeat"

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--jobs",
            default="*",
            help="periodic jobs to run, comma-separated shell-style names (default: all)",
        )
        parser.add_argument(
            "--no-scheduler", action="store_true", help="run no periodic jobs at all"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        patterns = () if options["no_scheduler"] else _patterns(options["jobs"])
        heartbeat = Heartbeat(worker_id=options["worker_id"], interval=5)
        scheduler = schedule.Scheduler(only=patterns) if patterns else None
        heartbeat.start()
        if scheduler:
            scheduler.start()
        try:
            while True:
                try:
                    return super().handle(*args, **options)
                except (OperationalError, InterfaceError):
                    log.exception("the database went away; waiting for it to come back")
                    _wait_for_database()
        finally:
            if scheduler:
                scheduler.stop()
            heartbeat.stop()


def _wait_for_database() -> None:
    """Until a query succeeds again (SIGTERM still stops the worker meanwhile)."""
    for attempt in itertools.count():
        connections.close_all()
        time.sleep(RECONNECT_WAIT_SECONDS[min(attempt, len(RECONNECT_WAIT_SECONDS) - 1)])
        try:
            with connections["default"].cursor() as cursor:
                cursor.execute("SELECT 1")
        except (OperationalError, InterfaceError):
            continue
        log.warning("the database answers again; the worker goes on")
        return


def _patterns(jobs: str) -> tuple[str, ...]:
    patterns = tuple(name.strip() for name in jobs.split(",") if name.strip())
    if not patterns:
        raise CommandError("--jobs names no job; use --no-scheduler to run none")
    unknown = [p for p in patterns if not schedule.selected((p,))]
    if unknown:
        known = ", ".join(sorted(schedule.JOBS))
        raise CommandError(f"--jobs: no periodic job matches {', '.join(unknown)} (known: {known})")
    return patterns
