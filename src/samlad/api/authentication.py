"""How API requests are authenticated: a knox token from POST /api/v1/auth/token/, or the
browser's session. Both refuse what signing in on the web refuses: inactive accounts, accounts of
inactive actors, and administrators who have not passed two-factor authentication.

Which accounts those are is for the accounts app to say, not the toolkit: it hands its rules
over at start-up (`use_sign_in_rules`, from its AppConfig.ready)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from knox import auth as knox_auth
from rest_framework import authentication, exceptions


@dataclass(frozen=True)
class SignInRules:
    """What the API asks about an account before it answers for it."""

    may_sign_in: Callable[[object], bool]
    """The account may sign in at all (active, and of an active actor)."""
    must_set_up_two_factor: Callable[[object], bool]
    """The account must use two-factor authentication and has not set it up."""
    needs_second_step: Callable[[object], bool]
    """A signed-in session has not passed the second step of signing in, but must."""


_rules: SignInRules | None = None


def use_sign_in_rules(rules: SignInRules) -> None:
    global _rules
    _rules = rules


def sign_in_rules() -> SignInRules:
    if _rules is None:
        raise ImproperlyConfigured("No sign-in rules for the API: the accounts app sets them.")
    return _rules


class TokenAuthentication(knox_auth.TokenAuthentication):
    """`Authorization: Token <token>`; the token stops working with its account or actor."""

    def validate_user(self, auth_token):
        user, token = super().validate_user(auth_token)
        rules = sign_in_rules()
        if not rules.may_sign_in(user):
            raise exceptions.AuthenticationFailed(_("This account cannot sign in."))
        # An account that became an administrator after its token was issued must set up
        # two-factor authentication before the token works again.
        if rules.must_set_up_two_factor(user):
            raise exceptions.AuthenticationFailed(
                _("Set up two-factor authentication on the web before using the API."),
                code="two_factor_setup_required",
            )
        return user, token


class SessionAuthentication(authentication.SessionAuthentication):
    """The browser's session (with CSRF protection), once it has passed the second step."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None and sign_in_rules().needs_second_step(result[0]):
            raise exceptions.AuthenticationFailed(
                _("Finish signing in with two-factor authentication first."),
                code="two_factor_required",
            )
        return result
