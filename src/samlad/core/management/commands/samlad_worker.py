"""The background worker: django-tasks-db's `db_worker`, plus a heartbeat for /healthz and the
scheduler of periodic jobs (samlad.core.schedule).

`--jobs` limits which periodic jobs this worker runs (shell-style names, comma-separated; all by
default) and `--no-scheduler` runs none: a worker started by a test runs only the jobs the test
asks for, so the weekly conference call-out never fires inside an unrelated test."""

from django.core.management.base import CommandError
from django_tasks_db.management.commands import db_worker

from samlad.core import schedule
from samlad.core.heartbeat import Heartbeat


class Command(db_worker.Command):
    help = "Run Samlad's background worker (database task queue) with a health heartbeat"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--jobs",
            default="*",
            help="periodic jobs to run, comma-separated shell-style names (default: all)",
        )
        parser.add_argument(
            "--no-scheduler", action="store_true", help="run no periodic jobs at all"
        )

    def handle(self, *args, **options):
        patterns = () if options["no_scheduler"] else _patterns(options["jobs"])
        heartbeat = Heartbeat(worker_id=options["worker_id"], interval=5)
        scheduler = schedule.Scheduler(only=patterns) if patterns else None
        heartbeat.start()
        if scheduler:
            scheduler.start()
        try:
            return super().handle(*args, **options)
        finally:
            if scheduler:
                scheduler.stop()
            heartbeat.stop()


def _patterns(jobs: str) -> tuple[str, ...]:
    patterns = tuple(name.strip() for name in jobs.split(",") if name.strip())
    if not patterns:
        raise CommandError("--jobs names no job; use --no-scheduler to run none")
    unknown = [p for p in patterns if not schedule.selected((p,))]
    if unknown:
        known = ", ".join(sorted(schedule.JOBS))
        raise CommandError(f"--jobs: no periodic job matches {', '.join(unknown)} (known: {known})")
    return patterns
