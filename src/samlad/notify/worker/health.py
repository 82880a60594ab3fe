"""How each channel's provider is doing, for the boards (read through samlad.notify.selectors):
ok, degraded (failures lately, some messages get through) or down (nothing but failures:
NOTIFY_DOWN_AFTER_FAILURES attempts in a row, or at least 3 in a row over
NOTIFY_DOWN_AFTER_SECONDS), since when, and the last error. The worker writes one row per
provider after each batch it sends."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from samlad.notify.channels import provider_names
from samlad.notify.models import Channel, ProviderHealth

OK, DEGRADED, DOWN = "ok", "degraded", "down"


@dataclass(frozen=True)
class ProviderStatus:
    channel: str
    provider: str
    state: str  # ok / degraded / down
    since: datetime | None
    last_error: str
    last_success_at: datetime | None
    last_failure_at: datetime | None

    @property
    def channel_label(self) -> str:
        return str(Channel(self.channel).label)

    @property
    def is_down(self) -> bool:
        return self.state == DOWN

    @property
    def is_degraded(self) -> bool:
        return self.state == DEGRADED


def status() -> list[ProviderStatus]:
    """Every provider in use now and every provider that has been used, channel by channel."""
    rows = {(row.channel, row.provider): row for row in ProviderHealth.objects.all()}
    for channel, provider in provider_names().items():
        rows.setdefault((channel, provider), ProviderHealth(channel=channel, provider=provider))
    return [_view(row) for _key, row in sorted(rows.items())]


def status_of(channel: str, provider: str | None = None) -> ProviderStatus:
    """The provider of `channel` in use now (or the one named)."""
    provider = provider or provider_names()[channel]
    row = ProviderHealth.objects.filter(channel=channel, provider=provider).first()
    return _view(row or ProviderHealth(channel=channel, provider=provider))


def is_down(channel: str, provider: str) -> bool:
    return status_of(channel, provider).is_down


def note(
    *, channel: str, provider: str, successes: int, failures: int, last_error: str = ""
) -> None:
    """Record how a batch of attempts through one provider went."""
    now = timezone.now()
    with transaction.atomic():
        row, _ = ProviderHealth.objects.select_for_update().get_or_create(
            channel=channel, provider=provider
        )
        if failures:
            _note_failures(row, now, failures, last_error)
        if successes:
            row.consecutive_failures = 0
            row.failing_since = None
            row.last_success_at = now
        row.save()


class Tally:
    """Outcomes counted per provider in memory, written with note() now and then."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], _Count] = {}

    def add(
        self, *, channel: str, provider: str, accepted: bool, permanent: bool, error: str
    ) -> None:
        entry = self.counts.setdefault((channel, provider), _Count())
        if accepted:
            entry.successes += 1
        elif not permanent:  # a refused number says nothing about the provider
            entry.failures += 1
            entry.error = error

    def flush(self) -> None:
        counts, self.counts = self.counts, {}
        for (channel, provider), count in counts.items():
            if count.successes or count.failures:
                note(
                    channel=channel,
                    provider=provider,
                    successes=count.successes,
                    failures=count.failures,
                    last_error=count.error,
                )


@dataclass
class _Count:
    successes: int = 0
    failures: int = 0
    error: str = ""


def _note_failures(row: ProviderHealth, now: datetime, failures: int, last_error: str) -> None:
    if not row.consecutive_failures:
        row.failing_since = now
    if not _recently_failed(row, now):
        row.degraded_since = now
    row.consecutive_failures += failures
    row.last_failure_at = now
    row.last_error = last_error[:2000]


def _recently_failed(row: ProviderHealth, now: datetime) -> bool:
    window = timedelta(seconds=float(settings.NOTIFY_DEGRADED_SECONDS))
    return row.last_failure_at is not None and row.last_failure_at >= now - window


def _down(row: ProviderHealth, now: datetime) -> bool:
    if row.consecutive_failures >= int(settings.NOTIFY_DOWN_AFTER_FAILURES):
        return True
    long_enough = timedelta(seconds=float(settings.NOTIFY_DOWN_AFTER_SECONDS))
    return (
        row.consecutive_failures >= 3
        and row.failing_since is not None
        and row.failing_since <= now - long_enough
    )


def _view(row: ProviderHealth) -> ProviderStatus:
    now = timezone.now()
    if _down(row, now):
        state, since = DOWN, row.failing_since
    elif _recently_failed(row, now):
        state, since = DEGRADED, row.degraded_since
    else:
        state, since = OK, None
    return ProviderStatus(
        channel=row.channel,
        provider=row.provider,
        state=state,
        since=since,
        last_error=row.last_error,
        last_success_at=row.last_success_at,
        last_failure_at=row.last_failure_at,
    )
