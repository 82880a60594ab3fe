"""Turning an imported warning into an event (MODEL.md, example 4: SMHI's class-2 snow warning
becomes an activated event): the form is prefilled from the alert, the event links back."""

import json

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samlad.core import log
from samlad.core.errors import NotPermitted
from samlad.events import services as event_services
from samlad.events.models import EventType
from samlad.notices.models import Notice

# CAP categories and the event type they suggest.
EVENT_TYPES = {
    "Met": "svart-vader",
    "Fire": "brand",
    "Health": "epidemi",
    "Transport": "transportstorning",
    "Infra": "elavbrott",
    "CBRNE": "cbrne",
    "Security": "allvarlig-vald",
}


def event_initial(notice: Notice) -> dict:
    """The event form's initial values from a warning: its area's municipality actors (a whole
    county's, when the warning names the county) are the affected actors, its polygons the
    event's area."""
    slug = EVENT_TYPES.get(notice.category.cap_category, "ovrigt")
    kind = EventType.objects.filter(slug=slug).first()
    text = "\n\n".join(part for part in (notice.text, notice.instruction) if part)
    origin = _("From the warning of %(sender)s.") % {"sender": notice.external_sender_name}
    return {
        "title": notice.headline,
        "description": f"{text}\n\n{origin}",
        "event_type": kind.pk if kind else None,
        "mode": "activated",
        "is_exercise": notice.is_exercise,
        "affected_actors": [m.pk for m in notice.municipalities.all()],
        "place": notice.area_description[:200],
        "area": json.dumps(notice.polygons, ensure_ascii=False) if notice.polygons else "",
        "starts_at": (notice.valid_from or timezone.now()).replace(second=0, microsecond=0),
        "ends_at": notice.valid_until,
        "classification": "open",
    }


@transaction.atomic
def make_event(*, by, notice: Notice, **event_fields):
    """Register an event from an imported warning and link the warning to it."""
    if not notice.is_external:
        raise NotPermitted(_("Only imported warnings become events this way."))
    event = event_services.create_event(by=by, **event_fields)
    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    notice.event = event
    notice.save(update_fields=["event", "updated_at"])
    log.record(
        by=by,
        action="notice.event_created",
        target=notice,
        summary=event.title,
        after={"event": str(event.public_id)},
    )
    return event
