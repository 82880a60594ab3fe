"""Webhook messages written before deliveries had a cause: point each at its webhook, found from
its idempotency key ("notice:<notice>:v<n>:webhook:w<id>" or "picture:<version>:webhook:w<id>").
A webhook's delivery log reads the cause from now on, never the key."""

import re

from django.db import migrations

WEBHOOK_KEY = re.compile(r"^(notice|picture):[0-9a-f-]{36}(:v\d+)?:webhook:w(?P<webhook>\d+)$")


def fill_causes(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Delivery = apps.get_model("notify", "Delivery")
    Webhook = apps.get_model("notices", "Webhook")
    kind, _ = ContentType.objects.get_or_create(app_label="notices", model="webhook")
    webhooks = set(Webhook.objects.values_list("pk", flat=True))
    deliveries = Delivery.objects.filter(cause_id__isnull=True, channel="webhook")
    rows = []
    for pk, key in deliveries.values_list("pk", "idempotency_key").iterator():
        match = WEBHOOK_KEY.match(key)
        if match and int(match["webhook"]) in webhooks:
            rows.append(Delivery(pk=pk, cause_type_id=kind.pk, cause_id=int(match["webhook"])))
    Delivery.objects.bulk_update(rows, ["cause_type", "cause_id"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("notices", "0004_cap_per_importer_and_area"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("notify", "0005_delivery_cause"),
    ]

    operations = [migrations.RunPython(fill_causes, migrations.RunPython.noop)]
