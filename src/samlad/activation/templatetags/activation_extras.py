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
def channel_name(channel: str) -> str:
    return {"email": _("E-mail"), "sms": _("SMS")}.get(channel, channel)


@register.filter
def delivery_state(status: str) -> str:
    """A delivery's state as the board says it ("sent" means accepted by the provider)."""
    states = {
        "pending": _("waiting to be sent"),
        "sending": _("being sent"),
        "sent": _("delivered to the provider"),
        "failed": _("failed"),
        "cancelled": _("cancelled"),
    }
    return states.get(status, status)


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
    """The forum's name, with ÖVNING in front for an exercise (in every language: it is the
    word every message of the exercise carries)."""
    name = activation.forum.name
    return f"ÖVNING – {name}" if activation.is_exercise else name
