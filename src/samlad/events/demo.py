"""Demo data of the events app: the catalogue of type events (also seeded by migration 0003;
loaded again here because a flush between transactional tests empties it)."""

from samlad.events.models import EventType


def load() -> None:
    from importlib import import_module

    seed = import_module("samlad.events.migrations.0003_event_types")
    for slug, name_sv, name_en in seed.EVENT_TYPES:
        EventType.objects.get_or_create(
            slug=slug, defaults={"name_sv": name_sv, "name_en": name_en}
        )
