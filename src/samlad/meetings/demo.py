"""Demo data of the meetings app: last Thursday's regional cooperation conference with its
minutes approved and a couple of open action items, a matter raised from it to the coordination
group (Example 1 of the model), and next Thursday's conference with the follow-up on its agenda.
Loaded once: nothing is added when the conference already has meetings."""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from samlad.accounts.models import User
from samlad.activation.selectors import forum_with_slug
from samlad.actors.models import Actor
from samlad.meetings import services
from samlad.meetings.models import Meeting

CONFERENCE = "regional-samverkanskonferens"
COORDINATION_GROUP = "regionala-samordningsgruppen"

# (actor, function, mandate) at the roll call; names stay empty: people attend by function.
ROLL_CALL = [
    ("lansstyrelsen", "tib", "Värd, moderator och dokumentation"),
    ("lansstyrelsen", "rsib", "Dagordning och summering"),
    ("lansstyrelsen", "rkk", "Samordnad kommunikation"),
    ("polisen", "contact", "Kontaktfunktion"),
    ("sosalarm", "contact", "Kontaktfunktion"),
    ("nacka", "contact", "Kontaktfunktion"),
    ("trafikverket", "contact", "Kontaktfunktion"),
    ("landstinget", "contact", "Kontaktfunktion"),
]
NOTES = {
    "Aktörernas lägesbilder": "Lugnt läge hos de flesta aktörer. Trafikverket rapporterar "
    "planerat vägarbete på E4/E20 vid Essingeleden nattetid hela veckan.",
    "Omvärldsbevakning": "SMHI aviserar kraftig vind längs kusten till helgen. Inga "
    "varningar ännu.",
    "Samlad lägesbild och gemensam analys": "Ingen händelse kräver aktiverat läge. Nacka "
    "påpekade att gårdagens vattenläcka inte larmades enligt överenskommen rutin.",
    "Summering av åtgärder (RSIB)": "Två åtgärdspunkter, se nedan. Rutinfrågan lyfts till "
    "Regionala samordningsgruppen.",
}


def _last_thursday_at_four(now) -> datetime:
    local = timezone.localtime(now)
    days = (local.weekday() - 3) % 7 or 7
    day = (local - timedelta(days=days)).date()
    return timezone.make_aware(datetime.combine(day, time(16, 0)))


def _roll_call(meeting, actors) -> None:
    for slug, kind, mandate in ROLL_CALL:
        if slug in actors:
            services.add_attendee(
                by=User.objects.get(username="tib"),
                meeting=meeting,
                actor=actors[slug],
                function_kind=kind,
                mandate=mandate,
            )


def _write_minutes(meeting, rsib) -> None:
    for item in meeting.agenda_items.all():
        if item.title in NOTES:
            services.save_notes(by=rsib, item=item, revision=item.revision, notes=NOTES[item.title])


@transaction.atomic
def load() -> None:
    forum = forum_with_slug(CONFERENCE)
    group = forum_with_slug(COORDINATION_GROUP)
    users = {
        user.username: user for user in User.objects.filter(username__in=["tib", "rsib", "kansli"])
    }
    if (
        forum is None
        or group is None
        or len(users) < 3
        or Meeting.objects.filter(forum=forum).exists()
    ):
        return
    actors = {actor.slug: actor for actor in Actor.objects.all()}
    tib, rsib = users["tib"], users["rsib"]
    held = _last_thursday_at_four(timezone.now())
    services.create_meeting(
        by=users["kansli"], forum=group, starts_at=held + timedelta(days=13, hours=-7)
    )
    meeting = services.create_meeting(by=rsib, forum=forum, starts_at=held)
    _roll_call(meeting, actors)
    _write_minutes(meeting, rsib)
    services.add_action(
        by=rsib,
        meeting=meeting,
        actor=actors["nacka"],
        text="Gå igenom larmvägen vid vattenläckor med VA-huvudmannen och rapportera till "
        "nästa samverkanskonferens.",
        due_at=held + timedelta(days=7),
    )
    services.add_action(
        by=rsib,
        meeting=meeting,
        actor=actors["trafikverket"],
        text="Skicka trafikomläggningarna för Essingeleden till kommunernas kontaktfunktioner.",
        due_at=held + timedelta(days=2),
    )
    services.raise_matter(
        by=rsib,
        meeting=meeting,
        to_forum=group,
        title="Händelse hanterades inte enligt överenskomna rutiner",
        description="Vattenläckan i Nacka larmades inte enligt rutinen. Finns ett mönster?",
    )
    services.start_meeting(by=tib, meeting=meeting)
    services.end_meeting(by=tib, meeting=meeting)
    meeting.refresh_from_db()
    services.approve_minutes(by=rsib, meeting=meeting, revision=meeting.minutes_revision)
    services.create_meeting(by=rsib, forum=forum, starts_at=held + timedelta(days=7))
