"""Answer links: signed (django.core.signing, own salt), expiring, for one recipient of one
activation, used once.

What the link allows, exactly:
- It is valid for ANSWER_LINK_HOURS after it was sent and only while the activation is open.
- It answers for the one recipient it names; the activation code it names must be that
  recipient's activation's.
- It answers once. Answering replaces the recipient's link nonce, so the link from the message
  is "used" from then on: opening it again shows the recorded answer and changes nothing. The
  page that confirms the answer carries a fresh one-time token, so the person who just answered
  can correct it there; later changes go by SMS reply or through TiB.
A forged, expired, closed, used or mismatched link changes nothing."""

import secrets
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.urls import reverse

from samlad.activation.models import Recipient

SALT = "samlad.activation.answer-link"
ANSWER_LINK_HOURS = 24


class LinkProblem:
    FORGED = "forged"
    EXPIRED = "expired"
    CLOSED = "closed"
    USED = "used"


@dataclass(frozen=True)
class LinkCheck:
    recipient: Recipient | None
    problem: str | None


def new_nonce() -> str:
    return secrets.token_urlsafe(9)


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=SALT)


def token_for(recipient: Recipient) -> str:
    """The signed token of `recipient`'s current answer link: the recipient, its activation's
    code and the link nonce, timestamped (short enough for an SMS)."""
    value = f"{recipient.public_id.hex}.{recipient.activation.code}.{recipient.link_nonce}"
    return _signer().sign(value)


def url_for(recipient: Recipient) -> str:
    """The full answer link, for messages."""
    path = reverse("activation:answer", args=[token_for(recipient)])
    return f"{settings.SITE_URL}{path}"


def max_age_seconds() -> int:
    return int(getattr(settings, "ACTIVATION_ANSWER_LINK_HOURS", ANSWER_LINK_HOURS) * 3600)


def check(token: str) -> LinkCheck:
    """What `token` may do: its recipient, or why it may do nothing."""
    try:
        value = _signer().unsign(token, max_age=max_age_seconds())
        recipient_hex, code, nonce = value.split(".")
        recipient_id = uuid.UUID(hex=recipient_hex)
    except signing.SignatureExpired:
        return LinkCheck(None, LinkProblem.EXPIRED)
    except (signing.BadSignature, ValueError):
        return LinkCheck(None, LinkProblem.FORGED)
    recipient = (
        Recipient.objects.select_related("activation__forum", "participant__actor")
        .filter(public_id=recipient_id, activation__code=code)
        .first()
    )
    if recipient is None:
        return LinkCheck(None, LinkProblem.FORGED)
    if not recipient.activation.is_open:
        return LinkCheck(recipient, LinkProblem.CLOSED)
    if not secrets.compare_digest(recipient.link_nonce, str(nonce)):
        return LinkCheck(recipient, LinkProblem.USED)
    return LinkCheck(recipient, None)
