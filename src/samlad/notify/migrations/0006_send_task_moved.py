"""The send task moved from samlad.notify.tasks to samlad.notify.worker.tasks: a send queued
under the old name before the upgrade runs under the new one (else it would fail to import; the
sweep would send in a few seconds all the same)."""

from django.db import migrations

OLD, NEW = "samlad.notify.tasks.send_due", "samlad.notify.worker.tasks.send_due"


def rename(old: str, new: str):
    def run(apps, schema_editor):
        results = apps.get_model("django_tasks_database", "DBTaskResult")
        results.objects.filter(task_path=old, status="READY").update(task_path=new)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("notify", "0005_delivery_cause"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(rename(OLD, NEW), rename(NEW, OLD))]
