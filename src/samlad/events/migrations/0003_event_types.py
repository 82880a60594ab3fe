"""The catalogue of type events (typhändelser); platform administrators edit it afterwards."""

from django.db import migrations

EVENT_TYPES = [
    ("svart-vader", "Svåra väderförhållanden", "Severe weather"),
    ("elavbrott", "Elavbrott", "Power cut"),
    ("it-storning", "IT-störning", "IT disruption"),
    ("cyberangrepp", "Cyberangrepp", "Cyber attack"),
    ("epidemi", "Epidemi/pandemi", "Epidemic/pandemic"),
    ("stor-planerad-handelse", "Stor planerad händelse", "Large planned event"),
    ("brand", "Brand", "Fire"),
    ("skogsbrand", "Skogsbrand", "Wildfire"),
    ("transportstorning", "Transportstörning", "Transport disruption"),
    ("oversvamning", "Översvämning", "Flooding"),
    ("dricksvatten", "Störning i dricksvattenförsörjningen", "Drinking-water disruption"),
    ("telekom", "Störning i elektronisk kommunikation", "Telecommunications disruption"),
    ("cbrne", "Farliga ämnen (CBRNE)", "Hazardous substances (CBRNE)"),
    ("allvarlig-vald", "Antagonistisk händelse", "Antagonistic attack"),
    ("ovrigt", "Övrigt", "Other"),
]


def create(apps, schema_editor):
    EventType = apps.get_model("events", "EventType")
    for slug, name_sv, name_en in EVENT_TYPES:
        EventType.objects.get_or_create(slug=slug, defaults={"name_sv": name_sv,
                                                             "name_en": name_en})


def remove(apps, schema_editor):
    apps.get_model("events", "EventType").objects.filter(
        slug__in=[slug for slug, _sv, _en in EVENT_TYPES], events__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("events", "0002_search_indexes")]
    operations = [migrations.RunPython(create, remove)]
