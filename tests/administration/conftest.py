"""Fixtures for delegated administration: the addresses of one actor's administration pages, and
the real SMTP server (shared from tests/smtp.py) that invitations go through."""

from dataclasses import dataclass

import pytest

from samlad.actors.models import ContactPoint, Function
from smtp import smtp_server  # noqa: F401 - the real SMTP server fixture, shared from tests/


@dataclass(frozen=True)
class Page:
    """One administration address: `method` is how it is used; `platform_only` pages refuse an
    actor's own permission administrator."""

    name: str
    path: str
    method: str = "get"
    platform_only: bool = False


def pages_of(actor, member, function, point) -> list[Page]:
    """Every administration address that names `actor` (and one of its users, functions and
    contact points)."""
    base = f"/administration/{actor.public_id}/"
    person = f"{base}anvandare/{member.public_id}/"
    staffing = f"{base}funktioner/{function.public_id}/"
    contact = f"{base}kontaktvagar/{point.public_id}/"
    return [
        Page("actor", base),
        Page("actor_edit", f"{base}uppgifter/", platform_only=True),
        Page("actor_deactivate", f"{base}inaktivera/", platform_only=True),
        Page("actor_activate", f"{base}aktivera/", "post", platform_only=True),
        Page("user_create", f"{base}anvandare/ny/"),
        Page("user", person),
        Page("user_deactivate", f"{person}inaktivera/"),
        Page("user_activate", f"{person}aktivera/", "post"),
        Page("user_invite", f"{person}inbjudan/", "post"),
        Page("user_platform_admin", f"{person}plattformsadministrator/", platform_only=True),
        Page("function", staffing),
        Page("function_move", f"{staffing}ordning/", "post"),
        Page("function_staff", f"{staffing}bemanna/", "post"),
        Page("function_unstaff", f"{staffing}lamna/", "post"),
        Page("contact_point_create", f"{base}kontaktvagar/ny/"),
        Page("contact_point", contact),
        Page("contact_point_remove", f"{contact}ta-bort/"),
    ]


@pytest.fixture
def pages_for(actor, user):
    """pages_for("nacka") -> every administration address of that actor, naming its contact
    user, its 24/7 contact function and its 24/7 phone number."""

    def make(slug: str) -> list[Page]:
        owner = actor(slug)
        function = Function.objects.get(actor=owner, kind="contact")
        point = ContactPoint.objects.get(owner_actor=owner, function=function, channel="phone")
        return pages_of(owner, user(f"{slug}.kontakt"), function, point)

    return make


@pytest.fixture
def nacka_page(actor):
    """nacka_page("anvandare/ny/") -> that address under Nacka's administration page."""
    return lambda rest="": f"/administration/{actor('nacka').public_id}/{rest}"
