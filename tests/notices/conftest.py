"""Fixtures for the notices tests: categories and an event."""

import pytest

from samlad.notices.models import Category
from smtp import smtp_server  # noqa: F401 - the real SMTP server fixture, shared from tests/


@pytest.fixture
def category(db):
    return lambda slug="vadervarning": Category.objects.get(slug=slug)


@pytest.fixture
def snowstorm(user, actor):
    """An open, activated event about a snowstorm, registered by TiB, affecting Nacka and
    Värmdö."""
    from samlad.events import services
    from samlad.events.models import EventType

    return services.create_event(
        by=user("tib"),
        title="Snöoväder Stockholms län",
        event_type=EventType.objects.get(slug="svart-vader"),
        mode="activated",
        affected_actors=[actor("nacka"), actor("varmdo")],
    )
