"""Display helpers for the actor pages."""

from django import template

from samlad.actors.phones import for_display

register = template.Library()


@register.filter
def phone_display(value) -> str:
    """A stored number (E.164 text or a PhoneNumber) as Swedes read it: 08-465 500 50."""
    e164 = str(getattr(value, "as_e164", value) or "")
    return for_display(e164) if e164 else ""


@register.filter
def phone_e164(value) -> str:
    """A stored number (E.164 text or a PhoneNumber) as E.164, for tel: links."""
    return str(getattr(value, "as_e164", value) or "")
