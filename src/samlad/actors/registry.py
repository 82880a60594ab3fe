"""The network's actor registry as shipped with Samlad: the 37 actors of the Stockholm region
(11 organisations and 26 municipalities), loaded from `data/actors.yaml`."""

from pathlib import Path

import yaml
from django.db import transaction

from samlad.actors.models import Actor, ActorKind
from samlad.actors.services import ensure_functions
from samlad.core import log

DATA_FILE = Path(__file__).with_name("data") / "actors.yaml"


def registry_rows() -> list[dict]:
    """The shipped actors as dicts of Actor fields, organisations first."""
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    rows = [
        {
            "name": row["name"],
            "slug": row["slug"],
            "kind": row["kind"],
            "designated": row.get("designated", False),
            "description": row.get("description", ""),
        }
        for row in data["actors"]
    ]
    rows += [
        {
            "name": row["name"],
            "slug": row["slug"],
            "kind": ActorKind.MUNICIPALITY,
            "municipality_code": row["code"],
        }
        for row in data["municipalities"]
    ]
    return rows


@transaction.atomic
def load_registry() -> list[Actor]:
    """Create the shipped actors and their standard functions where missing (idempotent)."""
    actors = []
    for row in registry_rows():
        actor = Actor.objects.filter(slug=row["slug"]).first()
        if actor is None:
            actor = Actor(**row)
            actor.full_clean()
            actor.save()
            log.record(
                by=None,
                action="actor.created",
                target=actor,
                summary=actor.name,
                after={"source": "registry"},
            )
        ensure_functions(actor=actor)
        actors.append(actor)
    return actors


def registry_actors() -> list[Actor]:
    """The shipped actors that exist, in the registry's order."""
    slugs = [row["slug"] for row in registry_rows()]
    found = {actor.slug: actor for actor in Actor.objects.filter(slug__in=slugs)}
    return [found[slug] for slug in slugs if slug in found]
