"""Bench data: one activated event with 40 actors' current reports, a published picture and a
log book of N entries, written with bulk inserts (the services are measured elsewhere)."""

import uuid
from datetime import timedelta

from django.utils import timezone

from samlad.accounts.models import User
from samlad.actors.models import Actor
from samlad.actors.registry import load_registry
from samlad.core.search import search_text
from samlad.events import services
from samlad.events.models import ActorReport, EventType, LogBookEntry
from samlad.events.services.pictures import draft_for

EXTRA_ACTORS = ["Ellevio", "Vattenfall Eldistribution", "Storstockholms Lokaltrafik"]


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
    event = services.create_event(
        by=tib,
        title=title,
        event_type=EventType.objects.get(slug="svart-vader"),
        mode="activated",
        description="Bänktest: snöoväder över hela länet.",
        lead_actor=Actor.objects.get(slug="lansstyrelsen"),
        affected_actors=actors[11:37],
    )
    now = timezone.now()
    ActorReport.objects.bulk_create(
        [
            ActorReport(
                event=event,
                owner_actor=actor,
                version=1,
                reported_by=tib,
                situation=f"{actor.name}: läget är ansträngt men under kontroll. " * 4,
                assumptions="Snöfallet fortsätter i 12 timmar.",
                actions_taken="Förstärkt bemanning.",
                actions_planned="Ny lägesrapport kl 06.",
                needs="Snöröjning",
                communication="Webb",
                effects_on_others="Trafikstörningar",
                search_text=search_text(actor.name, "läget"),
                classification="open",
            )
            for actor in actors
        ]
    )
    _bulk_log(event, tib, log_entries, now)
    draft = draft_for(event)
    draft = services.save_picture_draft(
        by=tib,
        event=event,
        revision=draft.revision,
        summary="Kraftigt snöfall i hela länet. " * 10,
        analysis="Stor påverkan på trafiken. " * 10,
        most_likely="Störningar i 24 timmar.",
        worst_case="Långvariga elavbrott.",
        coordination_needs="Snöröjning av prioriterade vägar.",
        communication_needs="Samordnat budskap.",
        short_version="Snöoväder: följ myndigheternas råd.",
        next_update_at=now + timedelta(hours=2),
    )
    services.publish_picture(by=tib, event=event, revision=draft.revision)
    return event


def _bulk_log(event, author, count: int, now) -> None:
    batch = []
    for number in range(1, count + 1):
        text = f"Logghändelse {number}: kontakt med SOS Alarm om läget på väg {number % 300}."
        batch.append(
            LogBookEntry(
                public_id=uuid.uuid4(),
                event=event,
                number=number,
                at=now - timedelta(seconds=count - number),
                kind="information",
                text=text,
                author=author,
                author_actor=author.actor,
                search_text=search_text(text),
            )
        )
        if len(batch) == 5000:
            LogBookEntry.objects.bulk_create(batch)
            batch = []
    LogBookEntry.objects.bulk_create(batch)
