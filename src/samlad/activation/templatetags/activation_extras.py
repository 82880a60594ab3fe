"""Display helpers for the activation pages: escalation steps, elapsed time, ÖVNING marking."""

from datetime import timedelta

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

register = template.Library()


@register.filter
def step_label(step: int) -> str:
    """Which escalation step called this recipient."""
    labels = {
        0: _("on duty"),
        1: _("deputy"),
        2: pgettext("escalation step", "24/7 contact function"),
        3: _("not reached"),
    }
    return labels.get(step, "")


@register.filter
def minutes_text(value: timedelta) -> str:
    """An elapsed time as "1 h 05 min" or "12 min"."""
    minutes = max(0, int(value.total_seconds() // 60))
    hours, minutes = divmod(minutes, 60)
    if hours:
        return _("%(hours)d h %(minutes)02d min") % {"hours": hours, "minutes": minutes}
    return _("%(minutes)d min") % {"minutes": minutes}


@register.filter
def marked(activation) -> str:
    """The forum's name, with ÖVNING in front for an exercise."""
    name = activation.forum.name
    return f"{_('EXERCISE')} – {name}" if activation.is_exercise else name
