"""Call-out messages written before deliveries had a cause: point each at its recipient, found
from its idempotency key ("activation:<activation>:<recipient>:<channel>"), and each fallback at
its original's recipient. The board reads the cause from now on, never the key."""

import re

from django.db import migrations

CALL_OUT_KEY = re.compile(r"^activation:[0-9a-f-]{36}:(?P<recipient>[0-9a-f-]{36}):(email|sms)$")
BATCH = 1000


def fill_causes(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Delivery = apps.get_model("notify", "Delivery")
    Recipient = apps.get_model("activation", "Recipient")
    kind, _ = ContentType.objects.get_or_create(app_label="activation", model="recipient")
    deliveries = Delivery.objects.filter(
        cause_id__isnull=True, fallback_of__isnull=True, idempotency_key__startswith="activation:"
    )
    found = {}
    for pk, key in deliveries.values_list("pk", "idempotency_key").iterator():
        match = CALL_OUT_KEY.match(key)
        if match:
            found[pk] = match["recipient"]
    recipients = {}
    for start in range(0, len(found), BATCH):
        wanted = set(list(found.values())[start : start + BATCH])
        for pk, public_id in Recipient.objects.filter(public_id__in=wanted).values_list(
            "pk", "public_id"
        ):
            recipients[str(public_id)] = pk
    _point(Delivery, kind, {pk: recipients[r] for pk, r in found.items() if r in recipients})
    fallbacks = Delivery.objects.filter(
        cause_id__isnull=True, fallback_of__cause_type=kind, fallback_of__cause_id__isnull=False
    ).values_list("pk", "fallback_of__cause_id")
    _point(Delivery, kind, dict(fallbacks))


def _point(Delivery, kind, causes: dict) -> None:
    """Set the cause of each delivery (primary key → recipient's primary key)."""
    rows = [Delivery(pk=pk, cause_type_id=kind.pk, cause_id=cause) for pk, cause in causes.items()]
    Delivery.objects.bulk_update(rows, ["cause_type", "cause_id"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("activation", "0003_answered_by"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("notify", "0005_delivery_cause"),
    ]

    operations = [migrations.RunPython(fill_causes, migrations.RunPython.noop)]
