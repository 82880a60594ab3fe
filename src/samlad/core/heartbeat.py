"""A background thread that tells the database, every few seconds, that this worker lives."""

import os
import socket
import threading
from datetime import datetime

from django.db import close_old_connections, connection
from django.utils import timezone

from samlad.core.models import WorkerHeartbeat


def beat(*, worker_id: str, started_at: datetime) -> None:
    """Write one heartbeat for this worker."""
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname(),
            "pid": os.getpid(),
            "started_at": started_at,
            "last_seen": timezone.now(),
        },
    )


class Heartbeat(threading.Thread):
    def __init__(self, *, worker_id: str, interval: float):
        super().__init__(name="samlad-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.interval = interval
        self.started_at = timezone.now()
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            close_old_connections()
            try:
                beat(worker_id=self.worker_id, started_at=self.started_at)
            except Exception:  # a missed beat must never kill the worker
                connection.close()
            self.stopped.wait(self.interval)

    def stop(self) -> None:
        self.stopped.set()
        WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
