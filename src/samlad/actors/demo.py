"""Demo data: every actor's functions staffed, 24/7 contact details, and the demo logins.
Exists only in demo mode; the shared demo password is refused everywhere else."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from samlad.accounts.models import User
from samlad.accounts.passwords import DEMO_PASSWORD
from samlad.actors.models import (
    Actor,
    ContactChannel,
    ContactPoint,
    Function,
    FunctionAssignment,
    FunctionKind,
)
from samlad.actors.registry import load_registry
from samlad.core.models import Classification

# Numbers set aside by the Swedish telecom regulator (PTS) for fiction: they reach nobody.
FICTION_LANDLINES = [f"+4684650{n:04d}" for n in range(400, 500)]
FICTION_MOBILES = [f"+4670174{n:04d}" for n in range(605, 700)]
DEMO_MAIL_DOMAIN = "demo.samlad.example"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    actor_slug: str
    functions: tuple[str, ...]
    title: str
    platform_admin: bool = False
    confidential: bool = False
    security_officer: bool = False


COUNTY_BOARD_LOGINS = [
    DemoLogin(
        "tib",
        "lansstyrelsen",
        (FunctionKind.TIB, FunctionKind.CONTACT),
        "Tjänsteman i beredskap",
        confidential=True,
    ),
    DemoLogin(
        "rsib",
        "lansstyrelsen",
        (FunctionKind.RSIB, FunctionKind.COORDINATING_REP),
        "Regional samverkanskoordinator i beredskap",
        confidential=True,
    ),
    DemoLogin(
        "rkk",
        "lansstyrelsen",
        (FunctionKind.RKK, FunctionKind.COMMUNICATOR),
        "Regional kommunikationskoordinator",
    ),
    DemoLogin(
        "kansli",
        "lansstyrelsen",
        (FunctionKind.HEAD_OF_OFFICE,),
        "Samordningskansliet",
        platform_admin=True,
    ),
    # The security officer / registrar reads the audit logs; a person of their own, not the
    # platform administrator (separation of duties).
    DemoLogin("sakerhet", "lansstyrelsen", (), "Säkerhetsskyddschef", security_officer=True),
]


def demo_logins(actors: list[Actor]) -> list[DemoLogin]:
    """The county-board logins, then a contact and an admin login for every actor."""
    logins = list(COUNTY_BOARD_LOGINS)
    for actor in actors:
        logins.append(
            DemoLogin(
                f"{actor.slug}.kontakt", actor.slug, (FunctionKind.CONTACT,), "Kontaktfunktion"
            )
        )
        logins.append(
            DemoLogin(
                f"{actor.slug}.admin",
                actor.slug,
                (FunctionKind.PERMISSION_ADMIN,),
                "Behörighetsadministratör",
            )
        )
    return logins


def _add_login(login: DemoLogin, actor: Actor, *, phone: str, password_hash: str) -> User:
    user, created = User.objects.get_or_create(
        username=login.username,
        defaults={
            "actor": actor,
            "first_name": login.title,
            "last_name": actor.name,
            "title": login.title,
            "email": f"{login.username}@{DEMO_MAIL_DOMAIN}",
            "phone": phone,
            "password": password_hash,
            "can_read_confidential": login.confidential,
            "is_superuser": login.platform_admin,
            "is_staff": login.platform_admin,
            "is_security_officer": login.security_officer,
        },
    )
    if created:
        for kind in login.functions:
            function = Function.objects.get(actor=actor, kind=kind)
            position = function.assignments.count() + 1
            FunctionAssignment.objects.create(function=function, user=user, position=position)
    return user


def _add_contact_points(actor: Actor, landline: str) -> None:
    if ContactPoint.objects.filter(owner_actor=actor).exists():
        return
    contact = Function.objects.get(actor=actor, kind=FunctionKind.CONTACT)
    ContactPoint.objects.create(
        owner_actor=actor,
        function=contact,
        channel=ContactChannel.PHONE,
        value=landline,
        label="Tjänsteman i beredskap, dygnet runt",
    )
    ContactPoint.objects.create(
        owner_actor=actor,
        function=contact,
        channel=ContactChannel.EMAIL,
        value=f"{actor.slug}.247@{DEMO_MAIL_DOMAIN}",
        position=2,
        label="Funktionsbrevlåda, bevakas dygnet runt",
    )


def _add_classified_examples(by_slug: dict[str, Actor]) -> None:
    """A restricted and a confidential number, so the access policy shows in the directory."""
    police, forces = by_slug["polisen"], by_slug["forsvarsmakten"]
    county, sos = by_slug["lansstyrelsen"], by_slug["sosalarm"]
    if not ContactPoint.objects.filter(owner_actor=police, label__startswith="RLC").exists():
        point = ContactPoint.objects.create(
            owner_actor=police,
            channel=ContactChannel.PHONE,
            value=FICTION_LANDLINES[-1],
            label="RLC, direktnummer för samverkansaktörer",
            position=3,
            classification=Classification.RESTRICTED,
        )
        point.shared_with.set([county, sos])
    if not ContactPoint.objects.filter(
        owner_actor=forces, label__startswith="Vakthavande"
    ).exists():
        point = ContactPoint.objects.create(
            owner_actor=forces,
            channel=ContactChannel.PHONE,
            value=FICTION_LANDLINES[-2],
            label="Vakthavande befäl, skyddat nummer",
            position=3,
            classification=Classification.CONFIDENTIAL,
            osl_reference="OSL 15 kap. 2 §",
        )
        point.shared_with.set([county])


@transaction.atomic
def load_demo() -> list[DemoLogin]:
    """Load the registry and the demo data (idempotent); returns the demo logins."""
    if not settings.DEMO_MODE:
        raise ImproperlyConfigured("Demo data is loaded only in demo mode (SAMLAD_DEMO=1).")
    actors = load_registry()
    by_slug = {actor.slug: actor for actor in actors}
    password_hash = make_password(DEMO_PASSWORD)
    logins = demo_logins(actors)
    for index, login in enumerate(logins):
        _add_login(
            login,
            by_slug[login.actor_slug],
            phone=FICTION_MOBILES[index % len(FICTION_MOBILES)],
            password_hash=password_hash,
        )
    for index, actor in enumerate(actors):
        _add_contact_points(actor, FICTION_LANDLINES[index])
    _add_classified_examples(by_slug)
    return logins
