"""The log of reads of confidential records is an audit trail: like the change log it refuses
UPDATE and DELETE in the database itself on PostgreSQL (the function comes from 0004)."""

from django.db import migrations

TABLE = "core_confidentialread"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
        "FOR EACH ROW EXECUTE FUNCTION samlad_append_only()"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("core", "0004_append_only_in_database")]

    operations = [migrations.RunPython(create, drop)]
