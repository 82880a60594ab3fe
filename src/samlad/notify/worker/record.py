"""Writing down what came of a batch of attempts, in one transaction: accepted rows become sent;
failed ones wait for a retry (exponential backoff with jitter) or, with their attempts used up or
refused for good, become failed with the reason and fall back to the other channel."""

import logging
import random
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from samlad.notify.models import Delivery, DeliveryStatus
from samlad.notify.worker import fallback, health
from samlad.notify.worker.attempts import Outcome

log = logging.getLogger(__name__)


def record(outcomes: list[Outcome], rows: dict[int, Delivery], *, worker_id: str) -> int:
    """Record the outcomes; returns how many fallback deliveries were made."""
    if not outcomes:
        return 0
    accepted = [outcome for outcome in outcomes if outcome.accepted]
    failed = [outcome for outcome in outcomes if not outcome.accepted]
    with transaction.atomic():
        _record_accepted(accepted)
        final, retrying = _record_failed(failed, rows, worker_id=worker_id)
        made = fallback.fall_back_many(final + _provider_down(retrying))
    return made


def backoff(attempts: int) -> timedelta:
    """How long to wait after the `attempts`-th failed attempt: doubling, capped, jittered."""
    base = float(settings.NOTIFY_RETRY_BASE_SECONDS)
    ceiling = float(settings.NOTIFY_RETRY_MAX_SECONDS)
    delay = min(ceiling, base * 2 ** max(0, attempts - 1))
    return timedelta(seconds=delay * random.uniform(0.5, 1.5))  # noqa: S311 - jitter, not crypto


def _record_accepted(accepted: list[Outcome]) -> None:
    # One statement per row, sent as one batch (psycopg pipelines executemany): far cheaper
    # than bulk_update's CASE expression when thousands of rows are accepted a second.
    if not accepted:
        return
    now = timezone.now()
    table = connection.ops.quote_name(Delivery._meta.db_table)
    # The table name is our own; every value is a parameter.
    statement = (
        f"UPDATE {table} SET status = %s, sent_at = %s, provider_message_id = %s, "  # noqa: S608
        "last_error = '', claimed_by = '', lease_until = NULL, in_doubt = %s, "
        "next_attempt_at = NULL, updated_at = %s WHERE id = %s"
    )
    rows = [
        (DeliveryStatus.SENT, now, o.provider_message_id[:200], False, now, o.delivery_id)
        for o in accepted
    ]
    with connection.cursor() as cursor:
        cursor.executemany(statement, rows)


def _record_failed(
    failed: list[Outcome], rows: dict[int, Delivery], *, worker_id: str
) -> tuple[list[Delivery], list[Delivery]]:
    """Retry or fail each row this worker still holds; returns the rows that failed for good
    and those that will be retried."""
    if not failed:
        return [], []
    now = timezone.now()
    held = set(
        Delivery.objects.filter(
            id__in=[outcome.delivery_id for outcome in failed],
            status=DeliveryStatus.SENDING,
            claimed_by=worker_id,
        ).values_list("id", flat=True)
    )
    changed: list[Delivery] = []
    final: list[Delivery] = []
    retrying: list[Delivery] = []
    max_attempts = int(settings.NOTIFY_MAX_ATTEMPTS)
    for outcome in failed:
        if outcome.delivery_id not in held:
            continue
        row = rows[outcome.delivery_id]
        row.last_error, row.in_doubt = outcome.error[:2000], outcome.in_doubt
        row.claimed_by, row.lease_until, row.updated_at = "", None, now
        if outcome.permanent or row.attempts >= max_attempts:
            row.status, row.next_attempt_at = DeliveryStatus.FAILED, None
            final.append(row)
            log.warning("delivery %s failed for good: %s", row.public_id, row.last_error)
        else:
            row.status, row.next_attempt_at = DeliveryStatus.PENDING, now + backoff(row.attempts)
            retrying.append(row)
        changed.append(row)
    fields = ["status", "next_attempt_at", "last_error", "in_doubt", "claimed_by", "lease_until"]
    Delivery.objects.bulk_update(changed, [*fields, "updated_at"])
    return final, retrying


def _provider_down(retrying: list[Delivery]) -> list[Delivery]:
    """Rows waiting for a retry through a provider that is down: the other channel goes now."""
    if not retrying or not settings.NOTIFY_EARLY_FALLBACK:
        return []
    down = {}
    for row in retrying:
        key = (row.channel, row.provider)
        if key not in down:
            down[key] = health.is_down(*key)
    return [row for row in retrying if down[(row.channel, row.provider)]]
