"""An actor's feed token as API authentication: the outside system reads as the actor's
outside reader (samlad.notices.selectors.outside_reader), never anything confidential."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from samlad.notices import selectors
from samlad.notices.services.feed_tokens import actor_for_token


def token_from(request) -> str:
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return header.removeprefix("Bearer ").strip()
    return request.GET.get("token", "")


class FeedTokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        raw = token_from(request)
        if not raw:
            return None
        actor = actor_for_token(raw)
        if actor is None:
            raise exceptions.AuthenticationFailed("Unknown or revoked feed token.")
        return selectors.outside_reader(actor), raw

    def authenticate_header(self, request):
        return "Bearer"


class FeedTokenScheme(OpenApiAuthenticationExtension):
    target_class = FeedTokenAuthentication
    name = "feedToken"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "An actor's feed token"}
