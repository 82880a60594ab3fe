"""The background worker: django-tasks-db's `db_worker`, plus a heartbeat for /healthz and the
scheduler of periodic jobs (samlad.core.schedule)."""

from django_tasks_db.management.commands import db_worker

from samlad.core.heartbeat import Heartbeat
from samlad.core.schedule import Scheduler


class Command(db_worker.Command):
    help = "Run Samlad's background worker (database task queue) with a health heartbeat"

    def handle(self, *args, **options):
        heartbeat = Heartbeat(worker_id=options["worker_id"], interval=5)
        scheduler = Scheduler()
        heartbeat.start()
        scheduler.start()
        try:
            return super().handle(*args, **options)
        finally:
            scheduler.stop()
            heartbeat.stop()
