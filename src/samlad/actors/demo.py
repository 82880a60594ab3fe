"""Demo data of the actor registry: every shipped actor with its functions and 24/7 contact
details, and two classified contact points that show the access policy in the directory (the
demo logins that staff the functions are the accounts app's demo)."""

from django.db import transaction

from samlad.actors.models import Actor, ContactChannel, ContactPoint, Function, FunctionKind
from samlad.actors.registry import load_registry
from samlad.core.models import Classification

# Numbers set aside by the Swedish telecom regulator (PTS) for fiction: they reach nobody.
FICTION_LANDLINES = [f"+4684650{n:04d}" for n in range(400, 500)]
DEMO_MAIL_DOMAIN = "demo.samlad.example"


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
def load() -> None:
    """Load the registry and its demo contact details (idempotent)."""
    actors = load_registry()
    for index, actor in enumerate(actors):
        _add_contact_points(actor, FICTION_LANDLINES[index])
    _add_classified_examples({actor.slug: actor for actor in actors})
