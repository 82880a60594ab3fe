"""Notices on the event page: {% follow_button event %} (the "follow event" action) and
{% event_warnings event %} (the warnings and notices linked to the event, and TiB's choice to
close or keep the activation once a warning is cancelled)."""

from django import template

from samlad.activation.rules import can_activate
from samlad.notices import selectors
from samlad.notices.services import preferences, warnings

register = template.Library()


@register.inclusion_tag("notices/_follow_button.html", takes_context=True)
def follow_button(context, event):
    request = context["request"]
    return {
        "event": event,
        "follows": preferences.follows(request.user, event),
        # The page itself, not a partial of it that htmx fetched (?partial=...).
        "next": request.path,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("notices/_event_warnings.html", takes_context=True)
def event_warnings(context, event):
    user = context["request"].user
    notices = list(selectors.visible_notices(user, event=event))
    offers = []
    if can_activate(user):
        offers = [
            (notice, activation)
            for notice in notices
            for activation in warnings.cancelled_activations(notice)
        ]
    return {
        "notices": notices,
        "offers": offers,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
        "csrf_token": context.get("csrf_token"),
    }
