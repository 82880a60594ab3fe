"""Small display helpers for the event pages: type names in the reader's language, the
EXERCISE marking, and a record's filled-in sections with their translated labels."""

from functools import cache

from django import template
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from samlad.events.models import PICTURE_FIELDS, ActorReport, PictureVersion
from samlad.events.services.reports import REPORT_FIELDS

register = template.Library()

SECTIONS = {ActorReport: REPORT_FIELDS, PictureVersion: PICTURE_FIELDS}


@register.filter
def type_name(event_type) -> str:
    """An event type's name in the reader's language."""
    return event_type.name_en if get_language() == "en" else event_type.name_sv


@register.filter
def marked_title(event) -> str:
    """The title, with EXERCISE (ÖVNING) in front for an exercise event."""
    exercise = _("EXERCISE")
    return f"{exercise} – {event.title}" if event.is_exercise else event.title


@cache
def _labels(model, language: str) -> dict[str, str]:
    """The section labels of `model` in `language`, translated once rather than per record."""
    return {
        name: str(capfirst(model._meta.get_field(name).verbose_name)) for name in SECTIONS[model]
    }


@register.filter
def sections(record, skip: str = "") -> list[tuple[str, str]]:
    """The filled-in text sections of a report or picture version, as (label, text)."""
    model = type(record)
    labels = _labels(model, get_language())
    skipped = set(skip.split(",")) if skip else set()
    return [
        (labels[name], getattr(record, name))
        for name in SECTIONS[model]
        if name not in skipped and getattr(record, name)
    ]
