"""The starting catalogue of notice categories (samlad.notices.catalogue)."""

from django.db import migrations


def create(apps, schema_editor):
    from samlad.notices.catalogue import load_categories

    load_categories(apps.get_model("notices", "Category"))


class Migration(migrations.Migration):
    dependencies = [("notices", "0001_notices")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
