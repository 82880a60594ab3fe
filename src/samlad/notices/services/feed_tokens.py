"""Tokens for the Atom feed of notices: an actor's permission administrator gives one to an
outside system; it reads what the actor may read. The token is shown once, stored as a hash."""

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.core import log
from samlad.core.errors import NotFound, NotPermitted
from samlad.notices.models import FeedToken
from samlad.notices.services.webhooks import can_manage_webhooks


def tokens_of(by: User):
    """The unrevoked feed tokens of the user's actor; none if the user may not manage them."""
    if not can_manage_webhooks(by, by.actor):
        return FeedToken.objects.none()
    return FeedToken.objects.filter(actor_id=by.actor_id, revoked_at__isnull=True)


@transaction.atomic
def create_feed_token(*, by: User, name: str) -> tuple[FeedToken, str]:
    """A new token for the user's own actor; returns it and the token text, shown only now."""
    if not can_manage_webhooks(by, by.actor):
        raise NotPermitted(_("Only your actor's permission administrators manage feed tokens."))
    if not name.strip():
        raise ValidationError({"name": _("Give the token a name, e.g. the system that uses it.")})
    raw = secrets.token_urlsafe(32)
    token = FeedToken.objects.create(
        actor=by.actor, name=name.strip(), token_hash=FeedToken.hash(raw), created_by=by
    )
    log.record(by=by, action="feed_token.created", target=token, summary=token.name)
    return token, raw


@transaction.atomic
def revoke_feed_token(*, by: User, public_id) -> None:
    """Revokes one of the actor's feed tokens, so feeds read with it stop answering, and logs it."""
    token = tokens_of(by).filter(public_id=public_id).first()
    if token is None:
        raise NotFound
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at", "updated_at"])
    log.record(by=by, action="feed_token.revoked", target=token, summary=token.name)


def actor_for_token(raw: str):
    """The actor whose live token this is, or None."""
    if not raw:
        return None
    token = (
        FeedToken.objects.filter(token_hash=FeedToken.hash(raw), revoked_at__isnull=True)
        .select_related("actor")
        .first()
    )
    if token is None or not token.actor.is_active:
        return None
    FeedToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.actor
