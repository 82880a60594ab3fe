"""A feed source keeps since when its polls have failed, for the page of feed sources."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('notices', '0002_categories'),
    ]

    operations = [
        migrations.AddField(
            model_name='feedsource',
            name='failing_since',
            field=models.DateTimeField(blank=True, null=True, verbose_name='failing since'),
        ),
        migrations.AlterField(
            model_name='feedsource',
            name='last_error',
            field=models.TextField(blank=True, verbose_name='last error'),
        ),
        migrations.AlterField(
            model_name='feedsource',
            name='last_polled_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='last polled'),
        ),
    ]
