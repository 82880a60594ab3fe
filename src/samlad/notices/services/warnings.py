"""Turning an imported warning into an event (MODEL.md, example 4: SMHI's class-2 snow warning
becomes an activated event): the form is prefilled from the alert, the event links back. The
warning's later Updates and Cancels reach that event: its log book, TiB and the people its
activation called; after a Cancel TiB decides whether the activation is closed or kept."""

import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.activation.models import Activation, ActivationStatus
from samlad.activation.rules import can_activate
from samlad.activation.services import alerts
from samlad.activation.services.activations import close_activation
from samlad.core import log
from samlad.core.errors import NotPermitted
from samlad.core.models import LogEntry
from samlad.events import services as event_services
from samlad.events.models import EventType
from samlad.events.services.logbook import add_samlad_entry
from samlad.notices.models import MessageType, Notice
from samlad.notify.outbox import enqueue

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
def make_event(*, by: User, notice: Notice, **event_fields):
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


def _follow_up_text(notice: Notice, revision) -> str:
    """What the event's log book and the messages say about a warning's new version. A
    restricted warning's content is not written into an event others may read."""
    values = {
        "headline": notice.headline,
        "sender": notice.external_sender_name,
        "version": revision.number,
    }
    if notice.classification != "open":
        if revision.msg_type == MessageType.CANCEL:
            return _("A restricted warning this event is linked to was cancelled.")
        return (
            _("A restricted warning this event is linked to was updated (version %(version)s).")
            % values
        )
    if revision.msg_type == MessageType.CANCEL:
        text = _("The warning “%(headline)s” from %(sender)s was cancelled.") % values
    else:
        text = (
            _("The warning “%(headline)s” from %(sender)s was updated (version %(version)s).")
            % values
        )
    if revision.change_note:
        text += " " + revision.change_note
    return text


def _event_url(event) -> str:
    return settings.SITE_URL + reverse("events:detail", args=[event.public_id])


def _tell_tib(notice: Notice, revision, event, text: str, activations: list) -> None:
    cancelled = revision.msg_type == MessageType.CANCEL
    title = event.title if event.classification == "open" else _("an event")
    subject = (
        _("Warning cancelled: %(event)s") if cancelled else _("Warning updated: %(event)s")
    ) % {"event": title}
    lines = [text, "", _("Event: %(url)s") % {"url": _event_url(event)}]
    if cancelled and activations:
        lines.append(
            _("The event's activation is still open: close it or keep it on the event page.")
        )
    alerts.to_tib(
        key=f"warning-follow-up:{notice.public_id}:{revision.number}:{event.public_id}:tib",
        topic=f"event:{event.public_id}",
        subject=subject,
        body="\n".join(lines),
        sms=f"Samlad: {text} {_event_url(event)}"[:300],
        exercise=notice.is_exercise or event.is_exercise,
    )


def _tell_participants(notice: Notice, revision, activation, text: str) -> None:
    """Everyone the activation called, once per address."""
    body = _("About the activation %(forum)s (%(code)s): %(text)s") % {
        "forum": activation.forum.name,
        "code": activation.code,
        "text": text,
    }
    subject = (
        _("The warning behind the activation was cancelled")
        if revision.msg_type == MessageType.CANCEL
        else _("The warning behind the activation was updated")
    )
    seen = set()
    for recipient in activation.recipients.select_related("user").order_by("pk"):
        for channel, address in (("email", recipient.email), ("sms", recipient.phone)):
            if not address or (channel, address) in seen:
                continue
            seen.add((channel, address))
            enqueue(
                key=(
                    f"warning-follow-up:{notice.public_id}:{revision.number}:"
                    f"{activation.public_id}:{channel}:{address}"
                ),
                channel=channel,
                address=address,
                topic=activation.topic,
                subject=subject if channel == "email" else "",
                body=body if channel == "email" else f"Samlad: {body}"[:300],
                user=recipient.user,
                actor=getattr(recipient.user, "actor", None),
                exercise=activation.is_exercise,
            )


def follow_up_reaches_events(*, notice: Notice, revision) -> None:
    """An imported warning's Update or Cancel reaches the event made from it (or linked to it):
    a line in its log book (by Samlad, for the importing actor), and a message to TiB and to
    everyone its open activations called. In the caller's transaction."""
    if notice.event_id is None:
        return
    event = notice.event
    with translation.override(settings.LANGUAGE_CODE):
        text = _follow_up_text(notice, revision)
        add_samlad_entry(event=event, on_behalf_of=notice.owner_actor, text=text)
        activations = list(open_activations_of(event))
        _tell_tib(notice, revision, event, text, activations)
        for activation in activations:
            _tell_participants(notice, revision, activation, text)


def open_activations_of(event):
    """The event's activations that are still open, with their forums."""
    return Activation.objects.filter(event=event, status=ActivationStatus.OPEN).select_related(
        "forum"
    )


def kept_after_cancel(notice: Notice, activation) -> bool:
    """TiB already chose to keep `activation` open although `notice` was cancelled."""
    return LogEntry.objects.filter(
        action="notice.activation_kept",
        target_type=activation._meta.label_lower,
        target_id=str(activation.public_id),
        after__notice=str(notice.public_id),
    ).exists()


def cancelled_activations(notice: Notice) -> list:
    """The open activations of the event a cancelled warning is linked to, still undecided."""
    if not (notice.is_external and notice.is_withdrawn and notice.event_id):
        return []
    return [a for a in open_activations_of(notice.event) if not kept_after_cancel(notice, a)]


@transaction.atomic
def decide_after_cancel(*, by: User, notice: Notice, activation, close: bool) -> None:
    """TiB's choice once a warning is cancelled: close the event's activation (through the
    activation service) or keep it, which is logged so the question is not asked again."""
    if not can_activate(by):
        raise NotPermitted(_("Only TiB closes or keeps an activation."))
    if activation not in cancelled_activations(notice):
        raise ValidationError(_("There is no open activation to decide about for this warning."))
    if close:
        close_activation(by=by, activation=activation)
        return
    log.record(
        by=by,
        action="notice.activation_kept",
        target=activation,
        summary=f"{activation.forum.name} ({activation.code})",
        after={"notice": str(notice.public_id)},
    )
