"""Bench data: one activated event with 40 actors' reports (three versions each, some of them
restricted or confidential), a few published picture versions and a log book of N entries.
Reports and pictures go through the services; the log book is bulk-inserted (its service is
measured by the tests, not here)."""

import uuid
from datetime import timedelta

from django.utils import timezone

from samlad.accounts.models import User
from samlad.actors.models import Actor
from samlad.actors.registry import load_registry
from samlad.core.search import search_text
from samlad.events import services
from samlad.events.models import EventType, LogBookEntry
from samlad.events.services.pictures import draft_for

EXTRA_ACTORS = ["Ellevio", "Vattenfall Eldistribution", "Storstockholms Lokaltrafik"]
REPORT_VERSIONS = 3
PICTURE_VERSIONS = 4
CORRECTION_EVERY = 100  # every 100th log book entry corrects the one before it


def actors_for_bench() -> list[Actor]:
    """The 37 shipped actors plus three companies: 40 reporting actors."""
    actors = load_registry()
    for name in EXTRA_ACTORS:
        slug = name.lower().replace(" ", "-")
        actor, _ = Actor.objects.get_or_create(
            slug=slug, defaults={"name": name, "kind": "company"}
        )
        actors.append(actor)
    return actors


def make_event(*, log_entries: int, title: str):
    """Create the bench event and return it."""
    tib = User.objects.get(username="tib")
    actors = actors_for_bench()
    county = Actor.objects.get(slug="lansstyrelsen")
    event = services.create_event(
        by=tib,
        title=title,
        event_type=EventType.objects.get(slug="svart-vader"),
        mode="activated",
        description="Bänktest: snöoväder över hela länet.",
        lead_actor=county,
        affected_actors=actors[11:37],
    )
    for version in range(1, REPORT_VERSIONS + 1):
        for index, actor in enumerate(actors):
            _report(tib, event, actor, version, index, county)
    for number in range(1, PICTURE_VERSIONS + 1):
        _publish_picture(tib, event, number)
    authors = list(User.objects.filter(username__endswith=".kontakt").select_related("actor"))
    _bulk_log(event, authors, log_entries)
    return event


def _report(tib, event, actor, version: int, index: int, county) -> None:
    """Every fourth actor reports restricted (shared with the county board, so TiB sees it),
    every ninth confidential and shared with nobody (TiB must not see it)."""
    secrecy = {}
    if index % 9 == 0:
        secrecy = {"classification": "confidential", "osl_reference": "OSL 18 kap. 13 §"}
    elif index % 4 == 0:
        secrecy = {"classification": "restricted", "shared_with": [county]}
    services.file_report(
        by=tib,
        event=event,
        for_actor=actor,
        situation=f"{actor.name}, läge {version}: ansträngt men under kontroll. " * 4,
        assumptions="Snöfallet fortsätter i 12 timmar.",
        actions_taken="Förstärkt bemanning.",
        actions_planned="Ny lägesrapport kl 06.",
        needs="Snöröjning",
        communication="Webb",
        effects_on_others="Trafikstörningar",
        **secrecy,
    )


def _publish_picture(tib, event, number: int) -> None:
    draft = services.save_picture_draft(
        by=tib,
        event=event,
        revision=draft_for(event).revision,
        summary=f"Lägesbild {number}: kraftigt snöfall i hela länet. " * 10,
        analysis="Stor påverkan på trafiken. " * 10,
        most_likely="Störningar i 24 timmar.",
        worst_case="Långvariga elavbrott.",
        coordination_needs="Snöröjning av prioriterade vägar.",
        communication_needs="Samordnat budskap.",
        short_version="Snöoväder: följ myndigheternas råd.",
        next_update_at=timezone.now() + timedelta(hours=2),
    )
    services.publish_picture(by=tib, event=event, revision=draft.revision)


def _bulk_log(event, authors: list[User], total: int) -> None:
    """Fill the log book up to `total` entries. A batch is written before each correction, so
    the entry it corrects has its id."""
    first = LogBookEntry.objects.filter(event=event).count() + 1
    now = timezone.now()
    batch: list[LogBookEntry] = []
    for number in range(first, total + 1):
        corrects = None
        if number % CORRECTION_EVERY == 0 and batch:
            LogBookEntry.objects.bulk_create(batch)
            corrects, batch = batch[-1], []
        author = authors[number % len(authors)]
        text = f"Logghändelse {number}: kontakt med SOS Alarm om läget på väg {number % 300}."
        batch.append(
            LogBookEntry(
                public_id=uuid.uuid4(),
                event=event,
                number=number,
                at=now - timedelta(seconds=total - number),
                kind="information" if corrects is None else "decision",
                text=text,
                author=author,
                author_actor=author.actor,
                corrects=corrects,
                search_text=search_text(text, author.actor.name),
            )
        )
    LogBookEntry.objects.bulk_create(batch)
