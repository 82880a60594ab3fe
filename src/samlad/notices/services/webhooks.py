"""Actors' webhooks: registering (the secret is shown once), changing, removing; picture versions
sent to them when the events app publishes one; whether a webhook is failing."""

import secrets
import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.core import access, log
from samlad.core.errors import NotFound, NotPermitted
from samlad.notices import selectors
from samlad.notices.models import Webhook
from samlad.notices.services import messages
from samlad.notices.urlcheck import check_outside_url
from samlad.notify.models import DeliveryStatus
from samlad.notify.outbox import enqueue
from samlad.notify.selectors import caused_by

# A webhook whose latest this many deliveries all failed is shown as failing.
FAILING_AFTER = 3
DELIVERY_LOG_SIZE = 100


def can_manage_webhooks(by: User, actor) -> bool:
    """An actor's permission administrators manage its webhooks (they send its data outside)."""
    return access.is_network_member(by) and by.is_permission_admin and by.actor_id == actor.pk


def webhooks_of(by: User):
    """The webhooks of the user's own actor, for its permission administrators."""
    if not access.is_network_member(by) or not can_manage_webhooks(by, by.actor):
        return Webhook.objects.none()
    return Webhook.objects.filter(actor_id=by.actor_id, is_active=True).order_by("name")


def webhook_for(by: User, public_id) -> Webhook:
    """One webhook of the user's own actor, or NotFound (not found and not yours look alike)."""
    try:
        hook = webhooks_of(by).filter(public_id=uuid.UUID(str(public_id))).first()
    except (TypeError, ValueError):
        hook = None
    if hook is None:
        raise NotFound
    return hook


def _require(by: User, actor) -> None:
    if not can_manage_webhooks(by, actor):
        raise NotPermitted(_("Only your actor's permission administrators manage its webhooks."))


def _validated(*, name: str, url: str) -> tuple[str, str]:
    errors = {}
    if not name.strip():
        errors["name"] = _("Give the webhook a name.")
    try:
        url = check_outside_url(url)
    except ValidationError as error:
        errors["url"] = error.messages
    if errors:
        raise ValidationError(errors)
    return name.strip(), url


@transaction.atomic
def register_webhook(
    *, by: User, name: str, url: str, send_notices: bool = True, send_pictures: bool = True
) -> tuple[Webhook, str]:
    """Register a webhook for the user's own actor. Returns it and its secret, shown only now."""
    _require(by, by.actor)
    name, url = _validated(name=name, url=url)
    secret = secrets.token_urlsafe(32)
    hook = Webhook.objects.create(
        actor=by.actor,
        name=name,
        url=url,
        secret=secret,
        send_notices=send_notices,
        send_pictures=send_pictures,
        created_by=by,
    )
    log.record(by=by, action="webhook.registered", target=hook, summary=f"{name} {url}")
    return hook, secret


@transaction.atomic
def change_webhook(*, by: User, webhook: Webhook, **fields) -> Webhook:
    """Change a webhook's name, URL or what it receives (the secret stays)."""
    _require(by, webhook.actor)
    name, url = _validated(
        name=fields.get("name", webhook.name), url=fields.get("url", webhook.url)
    )
    before = {"name": webhook.name, "url": webhook.url}
    webhook.name, webhook.url = name, url
    for flag in ("send_notices", "send_pictures"):
        if flag in fields:
            setattr(webhook, flag, bool(fields[flag]))
    webhook.save()
    log.record(
        by=by,
        action="webhook.changed",
        target=webhook,
        summary=name,
        before=before,
        after={"name": name, "url": url},
    )
    return webhook


@transaction.atomic
def remove_webhook(*, by: User, webhook: Webhook) -> None:
    """Stop sending to a webhook; its delivery log stays."""
    _require(by, webhook.actor)
    webhook.is_active = False
    webhook.save(update_fields=["is_active", "updated_at"])
    log.record(by=by, action="webhook.removed", target=webhook, summary=webhook.name)


def deliveries(webhook: Webhook):
    """A webhook's delivery log: its outbox rows, newest first."""
    return caused_by(Webhook.objects.filter(pk=webhook.pk)).order_by("-created_at", "-id")


def is_failing(webhook: Webhook) -> bool:
    """Failing: its latest FAILING_AFTER deliveries all failed (after their retries)."""
    latest = list(deliveries(webhook).values_list("status", flat=True)[:FAILING_AFTER])
    return len(latest) == FAILING_AFTER and all(s == DeliveryStatus.FAILED for s in latest)


def send_picture_version(version) -> int:
    """Put a published picture version in the outbox for the webhooks of every actor that may see
    its event (a confidential event's pictures go to no webhook). Runs in the publishing
    transaction (the events app's post_publish signal)."""
    event = version.event
    if event.classification == "confidential":
        return 0
    hooks = Webhook.objects.filter(is_active=True, send_pictures=True, actor__is_active=True)
    if event.classification != "open":
        named = {event.owner_actor_id, *event.shared_with.values_list("pk", flat=True)}
        hooks = hooks.filter(actor_id__in=named)
    body = messages.to_json(messages.picture_payload(version))
    sent = 0
    for hook in hooks.select_related("actor"):
        if not access.can_view(selectors.outside_reader(hook.actor), event):
            continue
        key = f"picture:{version.public_id}:webhook:w{hook.pk}"
        enqueue(
            key=key,
            channel="webhook",
            address=hook.url,
            topic=f"picture:{version.public_id}",
            body=body,
            actor=hook.actor,
            cause=hook,
            headers=messages.webhook_headers(
                body=body, secret=hook.secret, event="picture.published", delivery_key=key
            ),
        )
        sent += 1
    return sent
