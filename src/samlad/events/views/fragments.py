"""The HTML of the event page's actor reports and log book entries, kept in the cache: rendering
them was half the cost of the page. A report and an entry never change once written, so each is
stored under a key made of its public id and of everything else shown with it that can change
(the names beside it, its corrections), the language, the time zone and the templates
themselves: when any of these changes, so does the key, and nothing stale is shown.
One cache round trip per list."""

import hashlib
import os

from django.core.cache import cache
from django.template.loader import get_template, render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

KEEP_SECONDS = 3600
REPORT_CARD = ["events/_report_card.html", "events/_classification.html"]
LOG_ROW = ["events/_log_row.html"]


def report_cards(event, reports: list) -> list[SafeString]:
    """The cards of `reports` (already filtered for the reader) as the event page shows them."""
    return _rendered(
        REPORT_CARD,
        {"event": event},
        "report",
        reports,
        lambda report: (
            report.public_id,
            report.owner_actor.name,
            report.owner_actor.slug,
            str(report.reported_by),
        ),
    )


def log_rows(event, entries: list) -> list[SafeString]:
    """The table rows of `entries`, each with `corrected_by` set (see log_context)."""
    return _rendered(
        LOG_ROW,
        {"event": event},
        "entry",
        entries,
        lambda entry: (
            entry.public_id,
            tuple(entry.corrected_by),
            str(entry.author),
            entry.author_actor.name,
        ),
    )


def _rendered(templates: list[str], context: dict, name: str, items: list, shown) -> list:
    common = (_templates_version(templates), get_language(), timezone.get_current_timezone_name())
    keys = [_key(templates[0], *common, *shown(item)) for item in items]
    found = cache.get_many(keys)
    new = {
        key: render_to_string(templates[0], context | {name: item})
        for key, item in zip(keys, items, strict=True)
        if key not in found
    }
    if new:
        cache.set_many(new, KEEP_SECONDS)
    found |= new
    return [mark_safe(found[key]) for key in keys]  # noqa: S308 (our own rendered templates)


def _key(template: str, *parts) -> str:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return f"events:{template}:{digest}"


def _templates_version(templates: list[str]) -> tuple:
    """When the templates were last changed: a new release never shows pieces of the old one."""
    files = (os.stat(get_template(name).origin.name) for name in templates)
    return tuple((found.st_mtime_ns, found.st_size) for found in files)
