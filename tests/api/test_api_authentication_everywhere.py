"""Every way into the API refuses what signing in on the web refuses (issue 11, finding 5): each
API view authenticates only with the project's classes, which check the second step of signing
in, and an administrator short of that step reads nothing, CAP alerts included."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.views import APIView

from samlad.accounts.models import User
from samlad.api import authentication
from samlad.notices.api.auth import FeedTokenAuthentication
from samlad.notices.services.notices import publish_notice

# The project's authentication classes: the session and token ones check the account, its actor
# and the second step; the feed token reads as an actor's outside reader (nothing confidential).
PROJECT_CLASSES = {
    authentication.TokenAuthentication,
    authentication.SessionAuthentication,
    FeedTokenAuthentication,
}
# Plain Django views under /api/ (where the second-step middleware does not look) that never
# read the session: each checks a credential of its own.
SELF_AUTHENTICATING = {
    "api/": "the catch-all: 404 to anyone",
    "notices-api:feed": "an actor's feed token",
    "notify-sms-46elks": "the provider's shared secret",
    "notify-sms-46elks-status": "the provider's shared secret",
    "notify-sms-twilio": "the provider's signature",
    "notify-sms-twilio-status": "the provider's signature",
}


def every_url(patterns=None, prefix: str = "", namespace: str = ""):
    """(route, view name, callback) of every URL pattern the project serves."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from every_url(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else ""
            yield prefix + str(pattern.pattern), name, pattern.callback


def api_view_class(callback):
    view_class = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if view_class is not None and issubclass(view_class, APIView):
        return view_class
    return None


def authentication_classes(callback) -> list:
    view_class = api_view_class(callback)
    overridden = getattr(callback, "initkwargs", None) or {}
    return list(overridden.get("authentication_classes", view_class.authentication_classes))


def test_the_default_authentication_classes_are_the_projects():
    assert settings.REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"] == [
        "samlad.api.authentication.TokenAuthentication",
        "samlad.api.authentication.SessionAuthentication",
    ]


def test_every_api_view_authenticates_only_with_the_projects_classes():
    api_views = [
        (route, callback) for route, _, callback in every_url() if api_view_class(callback)
    ]
    assert len(api_views) > 50  # the walk found the API
    wrong = {
        route: [c.__module__ + "." + c.__name__ for c in authentication_classes(callback)]
        for route, callback in api_views
        if not set(authentication_classes(callback)) <= PROJECT_CLASSES
    }
    assert wrong == {}


def test_every_view_under_api_is_an_api_view_or_checks_a_credential_of_its_own():
    """The second-step middleware leaves /api/ to the API's authentication classes, so a plain
    Django view there would take the session as it is."""
    plain = {
        name or route
        for route, name, callback in every_url()
        if route.startswith("api/") and api_view_class(callback) is None
    }
    assert plain == set(SELF_AUTHENTICATING)


@pytest.fixture
def notice(user, actor):
    from samlad.notices.models import Category

    return publish_notice(
        by=user("tib"),
        headline="Kraftigt snöfall väntas",
        text="20–30 cm snö i östra länet.",
        category=Category.objects.get(slug="vadervarning"),
        municipalities=[actor("nacka"), actor("varmdo")],
    )


def test_an_administrator_short_of_the_second_step_cannot_read_a_notice_as_cap(notice, problem):
    client = Client()
    client.force_login(
        User.objects.get(username="nacka.admin"), backend="samlad.accounts.backends.SamladBackend"
    )
    body = problem(client.get(f"/api/v1/notices/{notice.public_id}/cap.xml"), 401)
    assert body["code"] == "two_factor_required"


def test_an_administrator_past_the_second_step_reads_a_notice_as_cap(notice, client_for):
    response = client_for("nacka.admin").get(f"/api/v1/notices/{notice.public_id}/cap.xml")
    assert response.status_code == 200
    assert b"Kraftigt sn" in response.content
