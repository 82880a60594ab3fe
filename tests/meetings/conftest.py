import datetime

import pytest
from django.utils import timezone
from meeting_helpers import COORDINATING, COORDINATION_GROUP

from samlad.activation import services as activation_services
from samlad.activation.models import Forum
from samlad.events import services as event_services
from samlad.events.models import EventType
from samlad.meetings import services


@pytest.fixture
def forum(db):
    """forum("regionala-samordningsgruppen") -> that seeded forum."""
    return lambda slug=COORDINATING: Forum.objects.get(slug=slug)


@pytest.fixture
def soon():
    """soon(hours=2) -> an aware time that far ahead, on the minute."""

    def at(**delta):
        return (timezone.now() + datetime.timedelta(**delta)).replace(second=0, microsecond=0)

    return at


@pytest.fixture
def snowstorm(user, actor):
    """An open, activated event about a snowstorm, registered by TiB, open to the network."""
    kind, _ = EventType.objects.get_or_create(
        slug="svart-vader", defaults={"name_sv": "Svårt väder", "name_en": "Severe weather"}
    )
    return event_services.create_event(
        by=user("tib"),
        title="Snöoväder Stockholms län",
        event_type=kind,
        mode="activated",
        lead_actor=actor("lansstyrelsen"),
        affected_actors=[actor("nacka"), actor("varmdo")],
    )


@pytest.fixture
def restricted_event(user, actor):
    """A restricted event of Länsstyrelsen, shared only with Nacka and Värmdö."""
    kind, _ = EventType.objects.get_or_create(
        slug="svart-vader", defaults={"name_sv": "Svårt väder", "name_en": "Severe weather"}
    )
    return event_services.create_event(
        by=user("tib"),
        title="Vattenförorening Nacka–Värmdö",
        event_type=kind,
        mode="activated",
        classification="restricted",
        shared_with=[actor("nacka"), actor("varmdo")],
    )


@pytest.fixture
def activation(user, forum, snowstorm):
    """TiB activates the coordinating forum for the snowstorm; everyone on its list is called."""
    return activation_services.activate(
        by=user("tib"),
        forum=forum(COORDINATING),
        event=snowstorm,
        reason="SMHI varnar klass 2 för kraftigt snöfall inom 24 timmar.",
    )


@pytest.fixture
def activated_meeting(user, activation):
    """The activated coordinating forum's meeting, planned by RSIB from the activation."""
    return services.create_meeting(by=user("rsib"), activation=activation)


@pytest.fixture
def plan(user, forum, soon):
    """plan("regionala-samordningsgruppen", hours=48) -> a meeting of that forum, by RSIB."""

    def go(slug=COORDINATION_GROUP, by="rsib", **details):
        if "starts_at" not in details:
            details["starts_at"] = soon(hours=details.pop("hours", 24))
        return services.create_meeting(by=user(by), forum=forum(slug), **details)

    return go
