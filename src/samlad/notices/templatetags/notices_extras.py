"""{% follow_button event %}: the "follow event" action, for the event page to include."""

from django import template

from samlad.notices.services import preferences

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
