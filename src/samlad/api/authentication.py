"""How API requests are authenticated: a knox token from POST /api/v1/auth/token/, or the
browser's session. Both refuse what signing in on the web refuses: inactive accounts, accounts of
inactive actors, and administrators who have not passed two-factor authentication."""

from django.utils.translation import gettext_lazy as _
from knox import auth as knox_auth
from rest_framework import authentication, exceptions

from samlad.accounts.backends import SamladBackend
from samlad.accounts.middleware import needs_second_factor
from samlad.accounts.two_factor import has_two_factor, must_use_two_factor


class TokenAuthentication(knox_auth.TokenAuthentication):
    """`Authorization: Token <token>`; the token stops working with its account or actor."""

    def validate_user(self, auth_token):
        user, token = super().validate_user(auth_token)
        if not SamladBackend().user_can_authenticate(user):
            raise exceptions.AuthenticationFailed(_("This account cannot sign in."))
        # An account that became an administrator after its token was issued must set up
        # two-factor authentication before the token works again.
        if must_use_two_factor(user) and not has_two_factor(user):
            raise exceptions.AuthenticationFailed(
                _("Set up two-factor authentication on the web before using the API."),
                code="two_factor_setup_required",
            )
        return user, token


class SessionAuthentication(authentication.SessionAuthentication):
    """The browser's session (with CSRF protection), once it has passed the second step."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None and needs_second_factor(result[0]):
            raise exceptions.AuthenticationFailed(
                _("Finish signing in with two-factor authentication first."),
                code="two_factor_required",
            )
        return result
