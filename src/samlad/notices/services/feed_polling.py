"""Polling the CAP and Atom feeds Samlad follows (e.g. SMHI's warnings). A source's URL may give
one CAP alert, or an Atom feed whose entries hold an alert or link to one. Alerts are imported
oldest first, each in its own transaction; what failed is kept on the source for people to see."""

import copy
from datetime import timedelta

import httpx
from django.core.exceptions import ValidationError
from django.utils import timezone

from samlad.notices.cap import NS
from samlad.notices.cap.parse import (
    ATOM,
    MAX_BYTES,
    Alert,
    ImportRefused,
    alert_from_element,
    safe_tree,
)
from samlad.notices.models import FeedSource
from samlad.notices.services.cap_import import import_alert
from samlad.notices.urlcheck import check_outside_url
from samlad.notify.channels.outside import CheckedTransport, RefusedAddress

TIMEOUT_SECONDS = 10.0
MAX_LINKS = 50


class FetchFailed(Exception):
    """A feed could not be fetched or read; the source is tried again at its next poll."""


def fetch(client: httpx.Client, url: str) -> bytes:
    """The body at `url` (public https only, size-capped)."""
    try:
        check_outside_url(url)
    except ValidationError as error:
        raise FetchFailed(f"{url}: {' '.join(error.messages)}") from error
    try:
        with client.stream("GET", url, timeout=TIMEOUT_SECONDS) as response:
            response.raise_for_status()
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_BYTES:
                    raise FetchFailed(f"{url}: larger than {MAX_BYTES} bytes")
                chunks.append(chunk)
    except (httpx.HTTPError, RefusedAddress) as error:
        raise FetchFailed(f"{url}: {error}") from error
    return b"".join(chunks)


def _entry_alerts(client, entry, errors: list[str]) -> list:
    inline = entry.findall(f".//{{{NS}}}alert")
    if inline:
        return [copy.deepcopy(element) for element in inline]
    elements = []
    for link in entry.findall(f"{{{ATOM}}}link")[:MAX_LINKS]:
        href = link.get("href", "")
        if link.get("rel", "alternate") not in ("alternate", "related", "enclosure") or not href:
            continue
        try:
            elements.append(safe_tree(fetch(client, href)))
        except (FetchFailed, ImportRefused) as error:
            errors.append(str(error))
    return elements


def _alert_elements(client, root, errors: list[str]) -> list:
    if root.tag == f"{{{ATOM}}}feed":
        elements = []
        for entry in root.findall(f"{{{ATOM}}}entry"):
            elements += _entry_alerts(client, entry, errors)
        return elements
    return [root]


def _parsed(elements, errors: list[str]) -> list[Alert]:
    alerts = []
    for element in elements:
        try:
            alerts.append(alert_from_element(element))
        except ImportRefused as error:
            errors.append(error.reason)
    return sorted(alerts, key=lambda alert: alert.sent)


def _checked_client() -> httpx.Client:
    """Every connection checked again, when it is made: a name may resolve elsewhere by then."""
    transport = CheckedTransport(limits=httpx.Limits(max_connections=2))
    return httpx.Client(follow_redirects=False, transport=transport, trust_env=False)


def poll_source(source: FeedSource, *, client: httpx.Client | None = None) -> int:
    """Fetch one source and import what is new; returns how many alerts were new."""
    errors: list[str] = []
    created = 0
    with client or _checked_client() as http:
        try:
            root = safe_tree(fetch(http, source.url))
            alerts = _parsed(_alert_elements(http, root, errors), errors)
        except (FetchFailed, ImportRefused) as error:
            alerts, errors = [], [str(error)]
        for alert in alerts:
            try:
                created += import_alert(alert=alert, source=source).created
            except ImportRefused as error:
                errors.append(f"{alert.identifier}: {error.reason}")
    source.last_polled_at = timezone.now()
    source.last_error = "\n".join(errors)[:5000]
    if not errors:
        source.failing_since = None
    elif source.failing_since is None:
        source.failing_since = source.last_polled_at
    source.save(update_fields=["last_polled_at", "last_error", "failing_since", "updated_at"])
    return created


def due_sources(now=None):
    """The active feed sources never polled, or last polled longer ago than their interval."""
    now = now or timezone.now()
    return [
        source
        for source in FeedSource.objects.filter(is_active=True).select_related("actor", "category")
        if source.last_polled_at is None
        or source.last_polled_at + timedelta(seconds=source.poll_seconds) <= now
    ]


def poll_due_sources() -> int:
    """The periodic job: poll every active source whose interval has passed."""
    return sum(poll_source(source) for source in due_sources())
