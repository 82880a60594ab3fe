"""A webhook delivery's error kept up to 300 characters of the receiver's answer, which its actor
is shown. Only the status is kept now (samlad.notify.channels.webhook); drop the answers kept."""

import re

from django.db import migrations

STATUS_AND_ANSWER = re.compile(r"^(HTTP \d{3}): .*", re.DOTALL)


def forget_answers(apps, schema_editor):
    for name in ("Delivery", "ProviderHealth"):
        model = apps.get_model("notify", name)
        rows = model.objects.filter(channel="webhook", last_error__regex=r"^HTTP [0-9]{3}: ")
        for row in rows.only("pk", "last_error").iterator():
            row.last_error = STATUS_AND_ANSWER.sub(r"\1", row.last_error)
            row.save(update_fields=["last_error"])


class Migration(migrations.Migration):
    dependencies = [("notify", "0003_delivery_pending_index")]

    operations = [migrations.RunPython(forget_answers, migrations.RunPython.noop)]
