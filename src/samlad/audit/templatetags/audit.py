"""Showing log rows as they are: before/after as JSON, a record type by its name."""

import json

from django import template
from django.apps import apps

register = template.Library()


@register.filter
def as_json(value) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


@register.filter
def object_type_name(label: str) -> str:
    """The model's name for a logged type (e.g. events.event → händelse), else the type."""
    try:
        return str(apps.get_model(label)._meta.verbose_name)
    except (LookupError, ValueError):
        return label
