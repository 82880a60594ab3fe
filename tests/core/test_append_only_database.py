"""The append-only tables hold in the database itself on PostgreSQL (issue 11, finding 8): an
UPDATE or DELETE that goes around Model.save/delete (a bulk update, raw SQL) is refused."""

import pytest
from django.db import DatabaseError, connection, transaction

from samlad.core import log
from samlad.core.models import ConfidentialRead, LogEntry

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="database-level append-only protection is PostgreSQL's (triggers); on SQLite only "
    "Model.save/delete guard the tables",
)


@pytest.fixture
def entry(user):
    return log.record(by=user("tib"), action="test.recorded", target=user("tib"), summary="x")


def test_a_bulk_update_of_the_change_log_is_refused(entry):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        LogEntry.objects.filter(pk=entry.pk).update(summary="changed")
    assert LogEntry.objects.get(pk=entry.pk).summary == "x"


def test_a_delete_in_raw_sql_is_refused(entry):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM core_logentry WHERE id = %s", [entry.pk])
    assert LogEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize(
    "table",
    [
        "core_logentry",
        "core_confidentialread",
        "events_logbookentry",
        "events_pictureversion",
        "meetings_minutesversion",
    ],
)
def test_every_append_only_table_has_the_guard(db, table):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM information_schema.triggers "
            "WHERE event_object_table = %s AND event_manipulation IN ('UPDATE', 'DELETE')",
            [table],
        )
        assert cursor.fetchone()[0] == 2


def test_the_log_of_confidential_reads_cannot_be_rewritten_in_sql(user):
    reader = user("tib")
    read = ConfidentialRead.objects.create(
        user=reader, target_type="report", target_id="1", via="page"
    )
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        ConfidentialRead.objects.filter(pk=read.pk).delete()
    assert ConfidentialRead.objects.filter(pk=read.pk).exists()


def test_new_entries_are_still_written(entry):
    assert LogEntry.objects.filter(pk=entry.pk, summary="x").exists()
