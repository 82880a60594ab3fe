"""Activation requests: filed by an actor's contact function, alerted to TiB at once, decided
by TiB (activate, or decline with a reason the requester sees and is told)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.activation import rules, texts
from samlad.activation.models import ActivationRequest, RequestStatus
from samlad.activation.services import alerts
from samlad.activation.services.activations import OVERVIEW_TOPIC, open_activation
from samlad.actors.models import Actor, ActorKind
from samlad.core import access, live, log
from samlad.core.errors import NotPermitted

TRANSITIONS = {
    RequestStatus.PENDING: {RequestStatus.ACTIVATED, RequestStatus.DECLINED},
    RequestStatus.ACTIVATED: set(),
    RequestStatus.DECLINED: set(),
}


def topic(activation_request: ActivationRequest) -> str:
    """The live-update topic an activation request's page listens to."""
    return f"activation-request:{activation_request.public_id}"


def request_url(activation_request: ActivationRequest) -> str:
    """The absolute link to an activation request's page, put in the messages about it."""
    path = reverse("activation:request", args=[activation_request.public_id])
    return f"{settings.SITE_URL}{path}"


def _validate(activation_request: ActivationRequest, *, by: User) -> None:
    errors = {}
    if not activation_request.reason:
        errors["reason"] = _("Say why cooperation should be activated.")
    forum = activation_request.suggested_forum
    if forum is not None and not forum.is_active:
        errors["suggested_forum"] = _("This forum is not in use.")
    if activation_request.event_id and not access.can_view(by, activation_request.event):
        errors["event"] = _("No such event.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def file_request(
    *,
    by: User,
    reason: str,
    suggested_forum=None,
    urgency: str = "immediate",
    event=None,
    is_exercise: bool = False,
) -> ActivationRequest:
    """Ask TiB to activate cooperation; TiB is alerted at once by e-mail and SMS."""
    if not rules.can_request_activation(by):
        raise NotPermitted(_("Only an actor's contact function asks for an activation."))
    activation_request = ActivationRequest(
        requested_by=by,
        requesting_actor=by.actor,
        reason=reason.strip(),
        suggested_forum=suggested_forum,
        urgency=urgency,
        event=event,
        is_exercise=is_exercise or bool(event and event.is_exercise),
    )
    _validate(activation_request, by=by)
    activation_request.full_clean()
    activation_request.save()
    context = {
        "req": activation_request,
        "event": _event_for_tib(event),
        "url": request_url(activation_request),
    }
    alerts.to_tib(
        key=f"activation-request:{activation_request.public_id}:tib",
        topic=topic(activation_request),
        subject=texts.render("request_subject.txt", context),
        body=texts.render("request_email.txt", context),
        sms=texts.render("request_sms.txt", context),
        exercise=activation_request.is_exercise,
    )
    log.record(
        by=by,
        action="activation_request.filed",
        target=activation_request,
        summary=activation_request.reason[:200],
        after={"urgency": urgency, "forum": getattr(suggested_forum, "slug", None)},
    )
    live.publish(topic=OVERVIEW_TOPIC, kind="request", obj=activation_request)
    return activation_request


def _event_for_tib(event):
    """The request's event, as the alert to TiB names it: only if the county board may see it.
    The alert also goes to the county board's shared mailboxes, read by people without the
    confidential permission, so it never names a confidential event."""
    board = Actor.objects.filter(kind=ActorKind.COUNTY_BOARD, is_active=True).first()
    if event is None or board is None or not access.can_view(access.reader_of(board), event):
        return None
    return event


def _locked_pending(by: User, activation_request: ActivationRequest, to: str) -> ActivationRequest:
    if not rules.can_activate(by):
        raise NotPermitted(_("Only the county board's TiB decides activation requests."))
    activation_request = ActivationRequest.objects.select_for_update().get(pk=activation_request.pk)
    if to not in TRANSITIONS[activation_request.status]:
        raise ValidationError(_("This request has already been decided."))
    return activation_request


def _decided(by: User, activation_request: ActivationRequest, to: str) -> None:
    activation_request.status = to
    activation_request.decided_by = by
    activation_request.decided_at = timezone.now()
    activation_request.save(
        update_fields=["status", "decided_by", "decided_at", "decline_reason", "updated_at"]
    )
    context = {"req": activation_request, "url": request_url(activation_request)}
    alerts.to_person(
        key=f"activation-request:{activation_request.public_id}:decision",
        topic=topic(activation_request),
        user=activation_request.requested_by,
        subject=texts.render("decision_subject.txt", context),
        body=texts.render("decision_email.txt", context),
        sms=texts.render("decision_sms.txt", context),
        exercise=activation_request.is_exercise,
    )
    log.record(
        by=by,
        action=f"activation_request.{to}",
        target=activation_request,
        summary=activation_request.decline_reason or activation_request.reason[:200],
        before={"status": RequestStatus.PENDING},
        after={"status": to},
    )
    live.publish(topic=OVERVIEW_TOPIC, kind="request", obj=activation_request)
    live.publish(topic=topic(activation_request), kind="request", obj=activation_request)


@transaction.atomic
def activate_request(*, by: User, activation_request: ActivationRequest, forum=None, **details):
    """TiB activates: the suggested forum unless another is chosen; the requester is told."""
    activation_request = _locked_pending(by, activation_request, RequestStatus.ACTIVATED)
    forum = forum or activation_request.suggested_forum
    if forum is None:
        raise ValidationError({"forum": _("Choose the forum to activate.")})
    # An empty reason from the decision (the API's default, a cleared form field) means the
    # request's own: the call-out always says why.
    details["reason"] = (details.get("reason") or "").strip() or activation_request.reason
    details.setdefault("event", activation_request.event)
    details["is_exercise"] = details.get("is_exercise") or activation_request.is_exercise
    activation = open_activation(by=by, forum=forum, request=activation_request, **details)
    _decided(by, activation_request, RequestStatus.ACTIVATED)
    return activation


@transaction.atomic
def decline_request(*, by: User, activation_request: ActivationRequest, reason: str):
    """TiB declines, with a reason the requester sees on the request and in the message."""
    activation_request = _locked_pending(by, activation_request, RequestStatus.DECLINED)
    if not reason.strip():
        raise ValidationError({"reason": _("Give the requester a reason for declining.")})
    activation_request.decline_reason = reason.strip()
    _decided(by, activation_request, RequestStatus.DECLINED)
    return activation_request
