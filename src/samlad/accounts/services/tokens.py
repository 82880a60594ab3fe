"""API tokens: a user name and password, and a code where two-factor authentication is on or
required, are exchanged for a knox token. Failed attempts count towards the same lockout as the
sign-in page (django-axes per account and address, django-otp's throttling of codes)."""

import re

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from knox.models import get_token_model
from knox.settings import knox_settings

from samlad.accounts import two_factor
from samlad.accounts.models import User
from samlad.core import log

TOTP_CODE = re.compile(r"\d{6}")
BACKUP_CODE = re.compile(r"[a-z2-7]{8}")


class TokenRefused(Exception):
    """No token. `code` says why, for programs; the message says it for people."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


class CredentialsRefused(TokenRefused):
    """The user name, password or code is wrong or missing (wrong_credentials, otp_required,
    otp_wrong)."""


class TokenNotAllowed(TokenRefused):
    """The credentials are right, but the account may not have a token now
    (two_factor_setup_required, too_many_tokens)."""


class TryLater(TokenRefused):
    """Too many attempts: nothing is accepted for `wait` seconds (locked_out, otp_wait)."""

    def __init__(self, message: str, *, code: str, wait: int):
        super().__init__(message, code=code)
        self.wait = wait


def issue_token(request: HttpRequest, *, username: str, password: str, otp: str = ""):
    """A new token for the account, as (token record, token); raises TokenRefused otherwise,
    and ValidationError for a code that cannot be one. `request` is Django's request:
    django-axes reads the address and flags lockouts on it."""
    user = authenticate(request, username=username, password=password)
    _refuse_if_locked(request)
    if user is None:
        raise CredentialsRefused(
            _("The user name or password is not right."), code="wrong_credentials"
        )
    _check_second_factor(request, user, otp)
    return _issue(request, user)


def revoke_tokens(*, user: User, token=None) -> int:
    """End one of the user's tokens, or all of them; returns how many ended."""
    tokens = get_token_model().objects.filter(user=user)
    if token is not None:
        tokens = tokens.filter(pk=token.pk)
    count, _deleted = tokens.delete()
    log.record(
        by=user,
        action="user.api_tokens_revoked",
        target=user,
        summary=user.username,
        after={"count": count},
    )
    return count


def _refuse_if_locked(request: HttpRequest) -> None:
    if getattr(request, "axes_locked_out", False):
        _refuse_locked(request)


def _refuse_locked(request: HttpRequest):
    # The API answers a lockout itself, as a problem document; left set, the flag would make
    # AxesMiddleware replace that answer with the HTML page of the sign-in form.
    request.axes_locked_out = False
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    raise TryLater(
        _(
            "There were too many failed attempts to sign in. For your safety the account is "
            "locked for %(minutes)d minutes. No password or code is accepted until then, not "
            "even the right one."
        )
        % {"minutes": seconds // 60},
        code="locked_out",
        wait=seconds,
    )


def _check_second_factor(request: HttpRequest, user: User, otp: str) -> None:
    if not (two_factor.has_two_factor(user) or two_factor.must_use_two_factor(user)):
        return
    if not two_factor.has_two_factor(user):
        raise TokenNotAllowed(
            _(
                "Administrators must use two-factor authentication. Set it up on the web, "
                "under My account, before using the API."
            ),
            code="two_factor_setup_required",
        )
    if two_factor.code_step_locked(user):
        _refuse_locked(request)
    if not otp:
        raise CredentialsRefused(
            _("Give the code from your authenticator app (otp), or a backup code."),
            code="otp_required",
        )
    _verify(request, user, otp)


def _code_check(user: User, otp: str):
    code = re.sub(r"\s", "", otp)
    if TOTP_CODE.fullmatch(code):
        return lambda: two_factor.verify_code(user=user, code=code)
    backup = code.replace("-", "").lower()
    if BACKUP_CODE.fullmatch(backup):
        return lambda: two_factor.verify_backup_code(user=user, code=backup)
    raise ValidationError(
        {
            "otp": _(
                "Enter the six digits shown in your authenticator app, or a backup code "
                "(eight letters and digits)."
            )
        }
    )


def _verify(request: HttpRequest, user: User, otp: str) -> None:
    check = _code_check(user, otp)
    try:
        check()
    except two_factor.TooSoon as exc:
        raise TryLater(
            two_factor.wait_message(exc.seconds), code="otp_wait", wait=exc.seconds
        ) from None
    except two_factor.LockedOut:
        _count_failure(request, user)
        _refuse_locked(request)
    except two_factor.WrongCode as exc:
        _count_failure(request, user)
        _refuse_if_locked(request)
        raise CredentialsRefused(
            two_factor.wrong_code_message(exc.attempts_left), code="otp_wrong"
        ) from None


def _count_failure(request: HttpRequest, user: User) -> None:
    # django-axes counts failed sign-ins per user name and address: a wrong code is one too.
    user_login_failed.send(
        sender=__name__, credentials={"username": user.get_username()}, request=request
    )


def _issue(request: HttpRequest, user: User):
    tokens = get_token_model().objects.filter(user=user)
    live = tokens.filter(Q(expiry__gt=timezone.now()) | Q(expiry__isnull=True)).count()
    limit = knox_settings.TOKEN_LIMIT_PER_USER
    if limit is not None and live >= limit:
        raise TokenNotAllowed(
            _(
                "You have %(count)d API tokens in use, the most allowed. Sign out with one of "
                "them (POST /api/v1/auth/logout-all/ ends them all)."
            )
            % {"count": live},
            code="too_many_tokens",
        )
    record, token = get_token_model().objects.create(user=user, expiry=knox_settings.TOKEN_TTL)
    user_logged_in.send(sender=user.__class__, request=request, user=user)
    log.record(by=user, action="user.api_token_created", target=user, summary=user.username)
    return record, token
