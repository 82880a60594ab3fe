import pytest

from samlad.events import services
from samlad.events.models import EventType


@pytest.fixture
def event_type(db):
    return lambda slug="svart-vader": EventType.objects.get(slug=slug)


@pytest.fixture
def snowstorm(user, actor, event_type):
    """An open, activated event about a snowstorm, registered by TiB, affecting Nacka and
    Värmdö, led by Länsstyrelsen."""
    return services.create_event(
        by=user("tib"),
        title="Snöoväder Stockholms län",
        event_type=event_type(),
        mode="activated",
        description="SMHI varnar för kraftigt snöfall inom 24 timmar.",
        lead_actor=actor("lansstyrelsen"),
        affected_actors=[actor("nacka"), actor("varmdo")],
    )


@pytest.fixture
def restricted_event(user, actor, event_type):
    """A restricted event of the Police, shared only with SOS Alarm."""
    return services.create_event(
        by=user("polisen.kontakt"),
        title="Hot mot kritisk infrastruktur",
        event_type=event_type("allvarlig-vald"),
        classification="restricted",
        shared_with=[actor("sosalarm")],
    )


@pytest.fixture
def api_for(user):
    """api_for("nacka.kontakt") -> a DRF client authenticated as that demo user."""
    from rest_framework.test import APIClient

    def make(username: str) -> APIClient:
        client = APIClient()
        client.force_authenticate(user=user(username))
        return client

    return make
