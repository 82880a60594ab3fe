"""The append-only tables refuse UPDATE and DELETE in the database itself on PostgreSQL, not only
in Model.save/delete: a bulk update, raw SQL or a second program cannot change or remove the
change log, log book entries, published pictures or approved minutes. (TRUNCATE, which only the
tables' owner may run, is left to restores and test runs.) On SQLite nothing is done: it is for
trying Samlad, not for records that must hold."""

from django.db import migrations

TABLES = [
    "core_logentry",
    "events_logbookentry",
    "events_pictureversion",
    "meetings_minutesversion",
]

FUNCTION = """
CREATE OR REPLACE FUNCTION samlad_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'samlad: % is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION, params=None)
    for table in TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION samlad_append_only()"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS samlad_append_only()")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_scheduledjob"),
        ("events", "0003_event_types"),
        ("meetings", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
