"""Administrators must pass two-factor authentication (TOTP) before doing anything else,
outside demo mode: with no device they are sent to set one up, with one to verify it."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

# Paths an administrator may reach before finishing two-factor authentication.
OPEN_PREFIXES = ("/konto/", "/static/", "/healthz", "/i18n/", "/api/")


def needs_second_factor(user) -> bool:
    return bool(
        settings.REQUIRE_ADMIN_TWO_FACTOR
        and user.is_authenticated
        and user.is_administrator
        and not user.is_verified()
    )


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if needs_second_factor(request.user) and not request.path.startswith(OPEN_PREFIXES):
            return redirect(reverse("accounts:two_factor") + f"?next={request.path}")
        return self.get_response(request)
