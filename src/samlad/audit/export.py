"""The audit logs as CSV (UTF-8 with a byte-order mark, so Excel reads å, ä and ö), streamed
row by row. Times are Swedish time with their UTC offset.

A spreadsheet runs a cell that starts with = + - or @ as a formula (CSV injection, OWASP), and
log rows carry text that users typed (summaries, user names, titles in before/after): such a cell
gets a leading apostrophe, which spreadsheets show as text. Tab and carriage return are escaped
the same way, since some spreadsheets skip them before looking for a formula."""

import csv
import json
from collections.abc import Iterable, Iterator

from django.utils import timezone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 500

CHANGE_COLUMNS = [
    "time",
    "user",
    "actor",
    "action",
    "object_type",
    "object_id",
    "summary",
    "before",
    "after",
]
READ_COLUMNS = ["time", "user", "actor", "object_type", "object_id", "via"]


def safe_cell(value) -> str:
    """The value as text a spreadsheet shows and never runs."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _time(value) -> str:
    return timezone.localtime(value).isoformat(sep=" ", timespec="seconds")


def _json(value) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def change_row(entry) -> list:
    return [
        _time(entry.at),
        entry.user.username if entry.user else "",
        entry.acting_actor.slug if entry.acting_actor else "",
        entry.action,
        entry.target_type,
        entry.target_id,
        entry.summary,
        _json(entry.before),
        _json(entry.after),
    ]


def read_row(read) -> list:
    actor = read.user.actor
    return [
        _time(read.at),
        read.user.username,
        actor.slug if actor else "",
        read.target_type,
        read.target_id,
        read.via,
    ]


class _Line:
    """csv.writer writes into this and gets the line back."""

    def write(self, value: str) -> str:
        return value


def csv_lines(columns: list[str], rows: Iterable[list]) -> Iterator[str]:
    """The header and every row, each cell made safe, as CSV lines."""
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow(columns)
    for row in rows:
        yield writer.writerow([safe_cell(cell) for cell in row])


def changes_csv(entries) -> Iterator[str]:
    return csv_lines(CHANGE_COLUMNS, (change_row(e) for e in entries.iterator(chunk_size=CHUNK)))


def reads_csv(reads) -> Iterator[str]:
    return csv_lines(READ_COLUMNS, (read_row(r) for r in reads.iterator(chunk_size=CHUNK)))
