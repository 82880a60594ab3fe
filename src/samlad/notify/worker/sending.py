"""A round of sending: claim due deliveries channel by channel, hand them to each channel's pool
of sender threads (which only talk to servers; identical e-mails go several to a transaction),
and record outcomes as they come in, a few at a time, in one transaction each. The round keeps
every pool fed until nothing is due or its time is up, renewing its claims' lease as it goes.
Only this thread touches the database."""

import logging
import queue
import time
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from typing import Any

from django.conf import settings

from samlad.notify.channels import open_senders
from samlad.notify.channels.base import Sender
from samlad.notify.models import Delivery
from samlad.notify.worker import claims, health, journal
from samlad.notify.worker.attempts import Outcome, attempt, attempt_batch
from samlad.notify.worker.record import record

log = logging.getLogger(__name__)

CLAIM_BATCH = 100  # rows claimed at a time per channel (at least 4 per sender thread)
IDLE_RECHECK = 0.5  # seconds before asking again for a channel that had nothing due
RECORD_BATCH = 50  # outcomes written in one transaction…
RECORD_WINDOW = 0.02  # …or after this many seconds, whichever comes first
HEALTH_EVERY = 1.0  # seconds between writes of provider health


class Round:
    def __init__(self, *, worker_id: str | None = None, seconds: float | None = None):
        self.worker_id = worker_id or claims.new_worker_id()
        self.seconds = float(settings.NOTIFY_DRAIN_SECONDS if seconds is None else seconds)
        # Each attempt in flight, with the rows it sends (an attempt's Future gives one Outcome,
        # an attempt_batch's a list of them).
        self.in_flight: dict[Future[Any], list[Delivery]] = {}
        # Finished attempts, in the order they finished: the main thread waits on this queue
        # rather than on every future in flight (concurrent.futures.wait locks each of them,
        # hundreds, every time one finishes).
        self.finished: queue.SimpleQueue[Future[Any]] = queue.SimpleQueue()
        self.rows: dict[int, Delivery] = {}
        self.counts: dict[str, int] = {}
        self.dry_until: dict[str, float] = {}
        self.sent = 0
        self.tally = health.Tally()
        self.outcomes: list[Outcome] = []
        self.first_outcome_at = 0.0
        self.noted: dict[str, str] = {}
        self.journal: journal.Journal | None = None

    def run(self) -> int:
        """Send until nothing is due (or the time is up); returns how many attempts were made."""
        self.noted = journal.accepted_earlier()
        self.journal = kept = journal.Journal(self.worker_id)
        finished = False
        try:
            self._send()
            finished = True
        finally:
            # Kept after an error: it says what went out that the database may not know of.
            kept.close(remove=finished)
        return self.sent

    def _send(self) -> None:
        started = time.monotonic()
        deadline = started + self.seconds
        renew_every = float(settings.NOTIFY_LEASE_SECONDS) / 3
        next_renewal = started + renew_every
        next_health = started + HEALTH_EVERY
        with open_senders() as senders, ExitStack() as stack:
            pools = {
                channel: stack.enter_context(
                    ThreadPoolExecutor(sender.concurrency, thread_name_prefix=f"notify-{channel}")
                )
                for channel, sender in senders.items()
            }
            stack.callback(self._abandon)  # runs first: nothing queued is sent after an error
            while True:
                now = time.monotonic()
                if now < deadline:
                    self._top_up(senders, pools, now)
                idle = not self.in_flight and not self.outcomes
                if idle and (now >= deadline or self._all_dry(senders, now)):
                    break
                self._collect(timeout=IDLE_RECHECK)
                if time.monotonic() >= next_renewal:
                    claims.renew(worker_id=self.worker_id)
                    next_renewal = time.monotonic() + renew_every
                if time.monotonic() >= next_health:
                    self.tally.flush()
                    next_health = time.monotonic() + HEALTH_EVERY
        self.tally.flush()

    def _top_up(
        self, senders: dict[str, Sender], pools: dict[str, ThreadPoolExecutor], now: float
    ) -> None:
        for channel, sender in senders.items():
            # Two transactions' worth per connection for senders that batch (identical e-mails).
            capacity = max(
                CLAIM_BATCH, sender.concurrency * 4, sender.concurrency * 2 * sender.batch_size
            )
            waiting = self.counts.get(channel, 0)
            if waiting > capacity // 2 or self.dry_until.get(channel, 0) > now:
                continue
            rows = claims.claim(
                channel=channel,
                provider=sender.provider,
                limit=capacity - waiting,
                worker_id=self.worker_id,
            )
            if len(rows) < capacity - waiting:
                self.dry_until[channel] = now + IDLE_RECHECK
            for row in rows:
                self.rows[row.id] = row
            for batch in sender.batches(rows):
                future: Future[Any]
                if len(batch) == 1:
                    future = pools[channel].submit(
                        attempt, sender, batch[0], journal=self.journal, noted=self.noted
                    )
                else:
                    future = pools[channel].submit(
                        attempt_batch, sender, batch, journal=self.journal, noted=self.noted
                    )
                self.in_flight[future] = batch
                future.add_done_callback(self.finished.put)
            self.counts[channel] = waiting + len(rows)

    def _abandon(self) -> None:
        """After an error: cancel attempts not yet started and hand their rows back. Attempts
        already under way finish; their rows come back in doubt when the lease runs out."""
        cancelled = [
            row for future, batch in self.in_flight.items() if future.cancel() for row in batch
        ]
        if not cancelled:
            return
        try:
            claims.release(worker_id=self.worker_id, ids=[row.id for row in cancelled])
        except Exception:
            log.exception("could not hand back %d claimed deliveries", len(cancelled))

    def _all_dry(self, senders: dict[str, Sender], now: float) -> bool:
        return all(self.dry_until.get(channel, 0) > now for channel in senders)

    def _collect(self, *, timeout: float) -> None:
        """Gather finished attempts; write them down in batches (RECORD_BATCH / RECORD_WINDOW)."""
        if not self.in_flight and not self.outcomes:
            time.sleep(min(timeout, 0.05))
            return
        if self.outcomes:
            timeout = max(0.0, self.first_outcome_at + RECORD_WINDOW - time.monotonic())
        if self.in_flight:
            self._take(self._finished(timeout))
        full = len(self.outcomes) >= RECORD_BATCH or not self.in_flight
        if self.outcomes and (full or time.monotonic() >= self.first_outcome_at + RECORD_WINDOW):
            self._record()

    def _finished(self, timeout: float) -> list[Future[Any]]:
        """The attempts that finished: waits up to `timeout` for the first, takes the rest."""
        done = []
        try:
            done.append(self.finished.get(timeout=timeout))
            while True:
                done.append(self.finished.get_nowait())
        except queue.Empty:
            pass
        return [future for future in done if future in self.in_flight]

    def _take(self, done: list[Future[Any]]) -> None:
        if done and not self.outcomes:
            self.first_outcome_at = time.monotonic()
        for future in done:
            batch = self.in_flight.pop(future)
            self.counts[batch[0].channel] -= len(batch)
            outcomes = future.result()
            for outcome in outcomes if isinstance(outcomes, list) else [outcomes]:
                self.outcomes.append(outcome)
                self.tally.add(
                    channel=batch[0].channel,
                    provider=outcome.provider,
                    accepted=outcome.accepted,
                    permanent=outcome.permanent,
                    error=outcome.error,
                )

    def _record(self) -> None:
        outcomes, self.outcomes = self.outcomes, []
        rows = {outcome.delivery_id: self.rows.pop(outcome.delivery_id) for outcome in outcomes}
        if any(not outcome.accepted for outcome in outcomes):
            self.tally.flush()  # so a provider that went down is known before falling back
        if record(outcomes, rows, worker_id=self.worker_id):
            self.dry_until.clear()  # fallbacks were made: look for them at once
        self.sent += len(outcomes)


def send_due(*, seconds: float | None = None) -> int:
    """Recover abandoned claims, then send what is due. Returns the number of attempts."""
    claims.recover_abandoned()
    return Round(seconds=seconds).run()
