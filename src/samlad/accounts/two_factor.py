"""Two-factor authentication (TOTP with django-otp): setting it up, verifying a code, backup
codes, and removing it. Wrong codes are throttled by django-otp (1, 2, 4 … seconds between
tries) and lock the second step for the lockout period after the sign-in failure limit."""

import math
import time
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from samlad.accounts.models import User
from samlad.core import log
from samlad.core.errors import NotPermitted

BACKUP_CODE_COUNT = 10
DEVICE_NAME = "app"
# Codes from one step before or after the server's clock are accepted (phone clocks drift).
TOLERANCE_STEPS = 1


class WrongCode(Exception):
    """The code was not right; `attempts_left` wrong codes remain before the lockout."""

    def __init__(self, attempts_left: int):
        super().__init__(attempts_left)
        self.attempts_left = attempts_left


class TooSoon(Exception):
    """django-otp's throttling: the next code may be tried after `seconds` seconds."""

    def __init__(self, seconds: int):
        super().__init__(seconds)
        self.seconds = seconds


class LockedOut(Exception):
    """Too many wrong codes: no code is accepted until the lockout period has passed."""


def wrong_code_message(attempts_left: int) -> str:
    """What the user is told of a wrong code (WrongCode), on the page and in the API."""
    return ngettext(
        "The code is not right. After %(count)d more wrong code the account is locked.",
        "The code is not right. After %(count)d more wrong codes the account is locked.",
        attempts_left,
    ) % {"count": attempts_left}


def wait_message(seconds: int) -> str:
    """What the user is told of a code tried too soon (TooSoon), on the page and in the API."""
    return ngettext(
        "Too many wrong codes in a row. Wait %(seconds)d second and try again.",
        "Too many wrong codes in a row. Wait %(seconds)d seconds and try again.",
        seconds,
    ) % {"seconds": seconds}


def confirmed_device(user) -> TOTPDevice | None:
    """The user's confirmed authenticator app, if any."""
    if not getattr(user, "pk", None):
        return None
    return TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).first()


def has_two_factor(user) -> bool:
    """True when the user has set up an authenticator app."""
    return (
        bool(getattr(user, "pk", None))
        and TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).exists()
    )


def must_use_two_factor(user) -> bool:
    """Administrators and security officers (the audit logs name who read what across every
    actor) must use two-factor authentication (outside demo mode)."""
    return bool(
        settings.REQUIRE_ADMIN_TWO_FACTOR and (user.is_administrator or user.is_security_officer)
    )


def backup_codes_left(user) -> int:
    """How many unused backup codes the user has."""
    return StaticToken.objects.filter(device__user_id=user.pk, device__confirmed=True).count()


def new_secret() -> str:
    """A fresh TOTP secret (hex), kept in the session until the user confirms it with a code."""
    return random_hex(20)


def _failure_limit() -> int:
    return settings.AXES_FAILURE_LIMIT


def _lock_ends(device: TOTPDevice) -> datetime | None:
    if device.throttling_failure_count < _failure_limit():
        return None
    if device.throttling_failure_timestamp is None:
        return None
    ends = device.throttling_failure_timestamp + settings.AXES_COOLOFF_TIME
    return ends if ends > timezone.now() else None


def code_step_locked(user) -> bool:
    """True while too many wrong codes keep the user's second step locked."""
    device = confirmed_device(user)
    return device is not None and _lock_ends(device) is not None


def _check_may_try(device: TOTPDevice) -> None:
    if _lock_ends(device):
        raise LockedOut()
    allowed, details = device.verify_is_allowed()
    if not allowed:
        wait = (details["locked_until"] - timezone.now()).total_seconds()
        raise TooSoon(max(1, math.ceil(wait)))


def _refuse(device: TOTPDevice) -> None:
    device.refresh_from_db(fields=["throttling_failure_count", "throttling_failure_timestamp"])
    if _lock_ends(device):
        raise LockedOut()
    raise WrongCode(attempts_left=_failure_limit() - device.throttling_failure_count)


def verify_code(*, user: User, code: str) -> TOTPDevice:
    """Check a code from the user's authenticator app; returns the device that accepted it."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
        if device is None:
            raise NotPermitted(_("Two-factor authentication is not set up."))
        _check_may_try(device)
        accepted = device.verify_token(code)
        if accepted:
            StaticDevice.objects.filter(user=user).update(
                throttling_failure_count=0, throttling_failure_timestamp=None
            )
    if not accepted:
        _refuse(device)
    return device


def verify_backup_code(*, user: User, code: str) -> StaticDevice:
    """Use one of the user's backup codes (each works once); wrong ones count like wrong codes."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
        if device is None:
            raise NotPermitted(_("Two-factor authentication is not set up."))
        _check_may_try(device)
        backup = StaticDevice.objects.filter(user=user, confirmed=True).first()
        accepted = backup is not None and backup.verify_token(code)
        if accepted:
            device.throttle_reset()
            log.record(by=user, action="user.backup_code_used", target=user, summary=user.username)
        else:
            device.throttle_increment()
    if not accepted:
        _refuse(device)
    return backup


def _matching_step(*, key: str, code: str) -> int | None:
    totp = TOTP(bytes.fromhex(key), step=30)
    totp.time = time.time()
    if totp.verify(int(code), tolerance=TOLERANCE_STEPS):
        return totp.t()
    return None


def _new_backup_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="backup", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def enable_two_factor(*, user: User, key: str, code: str) -> tuple[TOTPDevice, list[str]]:
    """Confirm a new authenticator app with a code from it, replacing any earlier one; returns
    the device and a fresh set of backup codes (shown to the user once)."""
    step = _matching_step(key=key, code=code)
    if step is None:
        raise WrongCode(attempts_left=_failure_limit())
    replaced = TOTPDevice.objects.filter(user=user).exists()
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(
        user=user, name=DEVICE_NAME, key=key, confirmed=True, last_t=step
    )
    codes = _new_backup_codes(user)
    log.record(
        by=user,
        action="user.two_factor_replaced" if replaced else "user.two_factor_enabled",
        target=user,
        summary=user.username,
    )
    return device, codes


@transaction.atomic
def renew_backup_codes(*, user: User) -> list[str]:
    """Replace the user's backup codes with new ones; the old ones stop working."""
    if not has_two_factor(user):
        raise NotPermitted(_("Two-factor authentication is not set up."))
    codes = _new_backup_codes(user)
    log.record(by=user, action="user.backup_codes_renewed", target=user, summary=user.username)
    return codes


def disable_two_factor(*, user: User, code: str) -> User:
    """Remove the user's authenticator app and backup codes after a fresh code from it.
    Administrators who must use two-factor authentication can only replace the app."""
    if must_use_two_factor(user):
        raise NotPermitted(_("Administrators must use two-factor authentication."))
    verify_code(user=user, code=code)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        log.record(by=user, action="user.two_factor_removed", target=user, summary=user.username)
    return user
