"""The invitation a new user gets by e-mail: a link to choose a password, made with Django's
password-reset tokens (the link works once, and only until the timeout in
settings.PASSWORD_RESET_TIMEOUT). Sent straight through Django's mail rather than the outbox, so
the link, a credential, is never stored."""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from samlad.actors import rules
from samlad.core import log
from samlad.core.errors import NotPermitted

logger = logging.getLogger(__name__)


def invitation_link(user) -> str:
    """The address at which `user` chooses a password."""
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return f"{settings.SITE_URL}{path}"


def _message(*, by, user) -> tuple[str, str]:
    context = {
        "user": user,
        "actor": user.actor,
        "invited_by": by,
        "link": invitation_link(user),
        "days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
    }
    # New users read the platform's default language (Swedish), whatever the inviter uses.
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("administration/email/invitation_subject.txt", context)
        body = render_to_string("administration/email/invitation.txt", context)
    return " ".join(subject.split()), body


def send_invitation(*, by, user) -> bool:
    """E-mail `user` the invitation to choose a password; False when the mail server could not
    take it (nothing else is lost: the invitation can be sent again)."""
    if user.actor is None or not rules.can_administer_users_of(by, user.actor):
        raise NotPermitted(_("You may only administer your own actor's users."))
    if not user.is_active:
        raise ValidationError(_("A deactivated account gets no invitation."))
    if not user.email:
        raise ValidationError(_("The account has no e-mail address to send the invitation to."))
    subject, body = _message(by=by, user=user)
    try:
        send_mail(subject, body, None, [user.email])
    except (smtplib.SMTPException, OSError):
        logger.warning("invitation to %s not sent", user.username, exc_info=True)
        return False
    log.record(
        by=by,
        action="user.invited",
        target=user,
        summary=user.username,
        after={"email": user.email},
    )
    return True
