"""A round of sending: claim due deliveries channel by channel, hand them to each channel's pool
of sender threads (which only talk to servers), and record outcomes as they come in, a few at a
time, in one transaction each. The round keeps every pool fed until nothing is due or its time is
up, renewing its claims' lease as it goes. Only this thread touches the database."""

import logging
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import ExitStack

from samlad.notify import claims, conf, health
from samlad.notify.attempts import attempt
from samlad.notify.channels import open_senders
from samlad.notify.record import record

log = logging.getLogger(__name__)

PREFETCH = 4  # rows claimed per sender thread, so no thread waits for the next claim
IDLE_RECHECK = 0.5  # seconds before asking again for a channel that had nothing due
HEALTH_EVERY = 1.0  # seconds between writes of provider health


class Round:
    def __init__(self, *, worker_id: str | None = None, seconds: float | None = None):
        self.worker_id = worker_id or claims.new_worker_id()
        self.seconds = float(conf.get("NOTIFY_DRAIN_SECONDS") if seconds is None else seconds)
        self.in_flight: dict[Future, object] = {}
        self.rows: dict[int, object] = {}
        self.counts: dict[str, int] = {}
        self.dry_until: dict[str, float] = {}
        self.sent = 0
        self.tally = health.Tally()

    def run(self) -> int:
        """Send until nothing is due (or the time is up); returns how many attempts were made."""
        started = time.monotonic()
        deadline = started + self.seconds
        renew_every = float(conf.get("NOTIFY_LEASE_SECONDS")) / 3
        next_renewal = started + renew_every
        next_health = started + HEALTH_EVERY
        with open_senders() as senders, ExitStack() as stack:
            pools = {
                channel: stack.enter_context(
                    ThreadPoolExecutor(sender.concurrency, thread_name_prefix=f"notify-{channel}")
                )
                for channel, sender in senders.items()
            }
            while True:
                now = time.monotonic()
                if now < deadline:
                    self._top_up(senders, pools, now)
                if not self.in_flight and (now >= deadline or self._all_dry(senders, now)):
                    break
                self._collect(timeout=IDLE_RECHECK)
                if time.monotonic() >= next_renewal:
                    claims.renew(worker_id=self.worker_id)
                    next_renewal = time.monotonic() + renew_every
                if time.monotonic() >= next_health:
                    self.tally.flush()
                    next_health = time.monotonic() + HEALTH_EVERY
        self.tally.flush()
        return self.sent

    def _top_up(self, senders: dict, pools: dict, now: float) -> None:
        for channel, sender in senders.items():
            capacity = sender.concurrency * PREFETCH
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
                self.in_flight[pools[channel].submit(attempt, sender, row)] = row
            self.counts[channel] = waiting + len(rows)

    def _all_dry(self, senders: dict, now: float) -> bool:
        return all(self.dry_until.get(channel, 0) > now for channel in senders)

    def _collect(self, *, timeout: float) -> None:
        if not self.in_flight:
            time.sleep(min(timeout, 0.05))
            return
        done, _pending = wait(list(self.in_flight), timeout=timeout, return_when=FIRST_COMPLETED)
        outcomes = []
        for future in done:
            row = self.in_flight.pop(future)
            self.counts[row.channel] -= 1
            outcome = future.result()
            outcomes.append(outcome)
            self.tally.add(
                channel=row.channel,
                provider=outcome.provider,
                accepted=outcome.accepted,
                permanent=outcome.permanent,
                error=outcome.error,
            )
        rows = {outcome.delivery_id: self.rows.pop(outcome.delivery_id) for outcome in outcomes}
        if any(not outcome.accepted for outcome in outcomes):
            self.tally.flush()  # so a provider that went down is known before falling back
            self.dry_until.clear()  # fallbacks may have been made: look again at once
        record(outcomes, rows, worker_id=self.worker_id)
        self.sent += len(outcomes)


def send_due(*, seconds: float | None = None) -> int:
    """Recover abandoned claims, then send what is due. Returns the number of attempts."""
    claims.recover_abandoned()
    return Round(seconds=seconds).run()
