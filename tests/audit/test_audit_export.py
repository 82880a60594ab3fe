"""CSV export of the audit logs: the rows the filters find, times in Swedish time, and no cell a
spreadsheet would run as a formula (CSV injection). Every export is logged."""

import csv
import io

import pytest
from django.urls import reverse

from samlad.audit.export import safe_cell
from samlad.core.models import ConfidentialRead, LogEntry


def exported(client, name, **query) -> list[list[str]]:
    response = client.get(reverse(name), query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.fixture
def officer(signed_in):
    return signed_in("sakerhet")


def test_the_change_log_export_holds_the_filtered_rows_in_swedish_time(officer, logged):
    header, *rows = exported(officer, "audit:changes_csv", anvandare="nacka.kontakt")
    assert header == [
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
    assert rows == [
        [
            "2026-03-05 00:30:00+01:00",
            "nacka.kontakt",
            "nacka",
            "event.created",
            "events.event",
            logged["nacka"].target_id,
            "Vattenläcka Nacka strand",
            "",
            '{"title": "Vattenläcka Nacka strand"}',
        ]
    ]


def test_the_read_log_export_holds_the_reads(officer, logged):
    header, *rows = exported(officer, "audit:reads_csv", anvandare="tib")
    assert header == ["time", "user", "actor", "object_type", "object_id", "via"]
    assert rows == [
        [
            "2026-03-05 13:00:00+01:00",
            "tib",
            "lansstyrelsen",
            "actors.contactpoint",
            logged["read"].target_id,
            "page",
        ]
    ]


@pytest.mark.parametrize(
    "typed", ['=HYPERLINK("http://x.example")', "+46 8 123", "-2+3", "@SUM(A1)", "\t=1"]
)
def test_a_cell_a_spreadsheet_would_run_is_exported_as_text(officer, user, typed):
    LogEntry.objects.create(
        user=user("rkk"), action="note.added", target_type="t", target_id="1", summary=typed
    )
    _, row = exported(officer, "audit:changes_csv", anvandare="rkk")
    assert row[6] == "'" + typed


def test_ordinary_cells_are_exported_as_they_are():
    assert safe_cell("Vattenläcka = stor") == "Vattenläcka = stor"
    assert safe_cell(None) == ""
    assert safe_cell("'citat") == "'citat"


def test_an_export_is_logged_as_a_read_of_the_audit_log(officer, logged):
    exported(officer, "audit:reads_csv", fran="2026-03-01", till="2026-03-31")
    read = ConfidentialRead.objects.get(user__username="sakerhet")
    assert (read.target_type, read.via) == ("core.confidentialread", "export")
    assert read.target_id == "since=2026-03-01&until=2026-03-31"
