"""Writing many rows at once, each once. On PostgreSQL the rows are streamed with COPY into a
temporary table and moved over with INSERT … ON CONFLICT DO NOTHING (a call-out of 10,000
recipients is 20,000 outbox rows: Django's bulk_create spends seconds quoting them in Python);
elsewhere bulk_create. Used by the outbox (samlad.notify.outbox.enqueue_many) and for a notice's
list of recipients."""

import json
from typing import Any

from django.db import connection, models, transaction


def insert_ignoring_conflicts(model: type[models.Model], rows: list[Any]) -> int:
    """Insert the rows (new objects of `model`, defaults filled in) except those that break a
    unique constraint; returns how many were inserted on PostgreSQL (elsewhere, how many were
    given)."""
    if not rows:
        return 0
    if connection.vendor == "postgresql":
        with transaction.atomic():
            return copy_insert(model, rows)
    model._default_manager.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def copy_insert(model: type[models.Model], rows: list[Any], *, conflict: str = "") -> int:
    """PostgreSQL only: insert the rows with COPY, skipping those that conflict (on `conflict`,
    e.g. "(idempotency_key)", or on any unique constraint); returns how many were inserted."""
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    names = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    staging = connection.ops.quote_name(f"{model._meta.db_table}_incoming")
    json_fields = {field.attname for field in fields if isinstance(field, models.JSONField)}
    # Table and column names are the model's own; every value goes through COPY.
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS {staging} ON COMMIT DELETE ROWS "  # noqa: S608
            f"AS SELECT {names} FROM {table} WITH NO DATA"
        )
        cursor.execute(f"TRUNCATE {staging}")
        with cursor.cursor.copy(f"COPY {staging} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(
                    [
                        json.dumps(getattr(row, f.attname))
                        if f.attname in json_fields
                        else getattr(row, f.attname)
                        for f in fields
                    ]
                )
        cursor.execute(
            f"INSERT INTO {table} ({names}) SELECT {names} FROM {staging} "  # noqa: S608
            f"ON CONFLICT {conflict} DO NOTHING"
        )
        inserted: int = cursor.rowcount
        cursor.execute(f"TRUNCATE {staging}")
    return inserted
