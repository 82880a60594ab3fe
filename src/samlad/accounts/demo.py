"""Demo logins: the county board's duty officers and its platform administrator, and a contact
and a permission administrator for every actor, each staffing their functions. They exist only
in demo mode; the shared demo password is refused everywhere else."""

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction

from samlad.accounts.models import User
from samlad.accounts.passwords import DEMO_PASSWORD
from samlad.actors.demo import DEMO_MAIL_DOMAIN
from samlad.actors.models import Actor, Function, FunctionAssignment, FunctionKind
from samlad.actors.registry import registry_actors

# The logins staff the registry's functions: the actors' demo loads first.
AFTER = ("actors",)

# Numbers set aside by the Swedish telecom regulator (PTS) for fiction: they reach nobody.
FICTION_MOBILES = [f"+4670174{n:04d}" for n in range(605, 700)]


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


@transaction.atomic
def load() -> None:
    """Add the demo logins that are missing (idempotent)."""
    actors = registry_actors()
    by_slug = {actor.slug: actor for actor in actors}
    password_hash = make_password(DEMO_PASSWORD)
    for index, login in enumerate(demo_logins(actors)):
        _add_login(
            login,
            by_slug[login.actor_slug],
            phone=FICTION_MOBILES[index % len(FICTION_MOBILES)],
            password_hash=password_hash,
        )
