"""The second step of signing in. A user who has set up an authenticator app enters a code from
it before reaching any page; administrators must set one up first (outside demo mode)."""

import time
from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from samlad.accounts.two_factor import has_two_factor, must_use_two_factor

# Reachable before the second step: no data behind them.
OPEN_PREFIXES = ("/static/", "/healthz", "/i18n/", "/api/")
OPEN_VIEWS = frozenset(
    f"accounts:{name}"
    for name in (
        "login",
        "logout",
        "two_factor",
        "two_factor_setup",
        "two_factor_verify",
        "two_factor_backup",
        "password_reset",
        "password_reset_done",
        "password_reset_confirm",
        "password_reset_complete",
    )
)


def is_verified(user) -> bool:
    """Whether this session passed the second step (set by django_otp's middleware and login)."""
    return getattr(user, "otp_device", None) is not None


def needs_second_factor(user) -> bool:
    """True for a signed-in user who has not passed the second step but must."""
    if not user.is_authenticated or is_verified(user):
        return False
    return must_use_two_factor(user) or has_two_factor(user)


def second_step_url(next_url: str = "") -> str:
    """Where the second step starts: verification with an app, else its setup."""
    url = reverse("accounts:two_factor")
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith(OPEN_PREFIXES):
            return None
        if request.resolver_match.view_name in OPEN_VIEWS:
            return None
        if needs_second_factor(request.user):
            return redirect(second_step_url(request.get_full_path()))
        return None


class SlidingSessionMiddleware:
    """Keeps a signed-in user's session alive while it is used: its expiry (SESSION_COOKIE_AGE
    from the last save) moves forward when the session was last saved more than a minute ago.
    Saving on every request instead cost a database write and commit per page."""

    TOUCH_AFTER_SECONDS = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            session = request.session
            now = int(time.time())
            if now - session.get("_touched", 0) >= self.TOUCH_AFTER_SECONDS:
                session["_touched"] = now
        return self.get_response(request)
