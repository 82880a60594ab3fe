"""The demo registry's call-out numbers these tests look for: the Police's open 24/7 number,
its RLC number restricted to Länsstyrelsen and SOS Alarm, and the Armed Forces' confidential
number shared with Länsstyrelsen."""

import pytest

from samlad.actors.models import ContactPoint
from samlad.actors.phones import for_display


@pytest.fixture
def police_247(actor) -> ContactPoint:
    return ContactPoint.objects.get(
        owner_actor=actor("polisen"), function__kind="contact", channel="phone"
    )


@pytest.fixture
def police_rlc(actor) -> ContactPoint:
    return ContactPoint.objects.get(owner_actor=actor("polisen"), label__startswith="RLC")


@pytest.fixture
def forces_protected(actor) -> ContactPoint:
    return ContactPoint.objects.get(
        owner_actor=actor("forsvarsmakten"), label__startswith="Vakthavande"
    )


@pytest.fixture
def shows_number():
    """shows_number(text, point) -> whether the text shows that number, in E.164 or as dialled."""
    return lambda text, point: point.value in text or for_display(point.value) in text
