"""The worker's part: a task that sends what is due (enqueued after each transaction that adds
to the outbox), and a periodic sweep for retries that have come due and claims left behind by a
worker that died."""

import logging

from django.conf import settings
from django_tasks import task

from samlad.core.schedule import every
from samlad.notify.worker import claims, sending

log = logging.getLogger(__name__)


JOIN_ABOVE = 500  # due deliveries above which another worker is asked to help at once


@task()
def send_due() -> int:
    """Send every due delivery (several workers may do this at once; each claims its own). With
    a large fan-out due, first ask for another turn, so that an idle worker joins now rather than
    at the next sweep (with one worker the extra turn runs afterwards and finds little)."""
    if claims.due()[: JOIN_ABOVE + 1].count() > JOIN_ABOVE and not _waiting():
        send_due.enqueue()
    attempts = sending.send_due()
    if claims.due().exists():
        send_due.enqueue()  # time ran out with work left: let another turn (or worker) go on
    return attempts


@every(seconds=int(settings.NOTIFY_SWEEP_SECONDS), name="notify.sweep")
def sweep() -> None:
    """Wake sending when retries are due or a dead worker's claims have expired."""
    recovered = claims.recover_abandoned()
    if recovered:
        log.warning("recovered %d deliveries from an interrupted worker", recovered)
    if (recovered or claims.due().exists()) and not _waiting():
        send_due.enqueue()


def _waiting() -> bool:
    """Whether a send task is already queued and not yet started (database task backend)."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(send_due.get_backend(), DatabaseBackend):
        return False
    return DBTaskResult.objects.ready().filter(task_path=send_due.module_path).exists()
