"""Full-text search indexes (Swedish) on PostgreSQL; SQLite searches without them."""

from django.db import migrations

from samlad.core.search import create_gin_index_sql

TABLES = ["events_event", "events_logbookentry", "events_actorreport", "events_pictureversion"]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(create_gin_index_sql(table))


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_gin")


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
