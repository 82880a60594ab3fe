"""The model's forums (Modellbeskrivning 2.9, "Regional samverkan"): three levels in ordinary and
activated mode, with their hosts, chairs, members, rhythms, conference lines and answer-time
requirements (2.5 "Beredskap och tillgänglighet"). Platform administrators edit them afterwards.

Members are (function kind, actor slug), with None for "every actor of the network". Members and
hosts that name an actor are added once the actor exists: here if the registry is loaded, else
by the demo loader (samlad.activation.demo)."""

import datetime

from django.db import migrations

EVERY = None
COMMAND_CENTRES = [
    "lansstyrelsen",
    "polisen",
    "sosalarm",
    "landstinget",
    "ssbf",
    "sbff",
    "attunda",
    "trafikverket",
    "kustbevakningen",
    "forsvarsmakten",
]
STAFF_ACTORS = ["lansstyrelsen", "polisen", "landstinget", "ssbf", "sosalarm", "trafikverket"]

FORUMS = [
    {
        "slug": "regional-samverkanskonferens",
        "name": "Regional samverkanskonferens",
        "level": "coordinating",
        "mode": "ordinary",
        "description": (
            "Varje torsdag kl. 16.00: informationsutbyte, omvärldsanalys, samlad lägesbild och "
            "gemensam analys, för att identifiera behov av samordning och kommande samverkan. "
            "Värd är Länsstyrelsen och dess TiB; RSIB inriktar agendan och summerar åtgärder; "
            "RKK deltar för att tidigt se behov av samordnad kommunikation."
        ),
        "chair_function": "tib",
        "standing_agenda": [
            "Aktörernas lägesbilder",
            "Omvärldsbevakning",
            "Samlad lägesbild och gemensam analys",
            "Behov av samordnad kommunikation (RKK)",
            "Behov av samordning och kommande samverkan",
            "Summering av åtgärder (RSIB)",
        ],
        "rhythm_weekday": 3,
        "rhythm_time": datetime.time(16, 0),
        "rhythm_note": "Varje torsdag kl. 16.00",
        "auto_call_out": True,
        "call_out_lead_minutes": 7 * 60,
        "bridge_number": "+46846500480",
        "bridge_pin": "1600",
        "rakel_talk_group": "RSAM STHLM",
        "answer_within_minutes": 180,
        "escalation_step_minutes": 60,
        "members": [("contact", EVERY), ("rsib", EVERY), ("rkk", EVERY)],
    },
    {
        "slug": "regionalt-samordnande-forum",
        "name": "Regionalt samordnande forum",
        "level": "coordinating",
        "mode": "activated",
        "description": (
            "Aktiveras vid en akut situation: samlad lägesbild, analys av behov av gemensamma "
            "resurser och samordnad kommunikation. Länsstyrelsen är värd och moderator; RSIB "
            "inriktar och summerar. Möts vanligen via telefon eller Rakel. Kontaktfunktionerna "
            "ansluter i direkt anslutning till aktiveringen."
        ),
        "chair_function": "tib",
        "standing_agenda": [
            "Inledning och syfte (TiB)",
            "Aktörernas lägesbilder",
            "Samlad lägesbild",
            "Behov av gemensamma resurser",
            "Behov av samordnad kommunikation (RKK)",
            "Aktörsanalys: behövs fler aktörer?",
            "Summering av åtgärder (RSIB)",
            "Nästa avstämning",
        ],
        "rhythm_note": "Vid behov",
        "bridge_number": "+46846500481",
        "bridge_pin": "2019",
        "rakel_talk_group": "RSAM STHLM",
        "answer_within_minutes": 15,
        "escalation_step_minutes": 5,
        "members": [("contact", EVERY), ("rsib", EVERY), ("rkk", EVERY)],
    },
    {
        "slug": "regionalt-inriktande-forum",
        "name": "Regionalt inriktande forum",
        "level": "directing",
        "mode": "activated",
        "description": (
            "Sammankallas vid behov för den övergripande regionala hanteringen: ramar, "
            "inriktning och prioriteringar. Leds av Länsstyrelsen om inget annat meddelas; RSIB "
            "är föredragande. Aktiveras genom kontaktfunktionen; konferens inom 60 minuter."
        ),
        "chair_function": "directing_rep",
        "standing_agenda": [
            "Lägesbild och analys (RSIB)",
            "Förslag till gemensam regional inriktning",
            "Gemensamma prioriteringar",
            "Samordnade budskap",
            "Fastställande av inriktningen",
            "Nästa möte",
        ],
        "rhythm_note": "Vid behov",
        "bridge_number": "+46846500482",
        "bridge_pin": "6060",
        "answer_within_minutes": 60,
        "escalation_step_minutes": 20,
        "members": [("contact", EVERY), ("directing_rep", EVERY), ("rsib", EVERY)],
    },
    {
        "slug": "regionala-chefsgruppen",
        "name": "Regionala chefsgruppen",
        "level": "directing",
        "mode": "ordinary",
        "description": (
            "Ordinarie läge: resurser för gemensamma utvecklings- och planeringsarbeten, ramar "
            "för ambitionsnivåer, ekonomisk uppföljning. Ordförande är länsöverdirektören; "
            "samordningschefen är föredragande."
        ),
        "chair_function": "directing_rep",
        "standing_agenda": [
            "Föregående protokoll",
            "Information från samordningskansliet (samordningschef)",
            "Ekonomisk uppföljning",
            "Beslut om gemensamma utvecklingsarbeten",
            "Övriga frågor",
        ],
        "rhythm_note": "Varannan månad",
        "duration_minutes": 120,
        "bridge_number": "+46846500485",
        "bridge_pin": "5050",
        "answer_within_minutes": 1440,
        "members": [("directing_rep", EVERY), ("head_of_office", EVERY)],
    },
    {
        "slug": "regionala-samordningsgruppen",
        "name": "Regionala samordningsgruppen",
        "level": "coordinating",
        "mode": "ordinary",
        "description": (
            "Utveckling, implementering och uppföljning: startar, följer upp och godkänner "
            "projekt, aktiviteter och temagrupper. Värdskapet roterar; arbetet leds av "
            "samordningschefen."
        ),
        "chair_function": "head_of_office",
        "standing_agenda": [
            "Uppföljning av projekt och temagrupper",
            "Ärenden från samverkanskonferenserna",
            "Beslut om utredningar och aktiviteter",
            "Rapport till regionala chefsgruppen",
        ],
        "rhythm_note": "Enligt årsplan",
        "duration_minutes": 120,
        "bridge_number": "+46846500486",
        "bridge_pin": "4040",
        "answer_within_minutes": 1440,
        "members": [("coordinating_rep", EVERY), ("head_of_office", EVERY)],
    },
    {
        "slug": "verkstallande-forum-ledningscentraler",
        "name": "Verkställande forum – Ledningscentraler",
        "level": "executive",
        "mode": "ordinary",
        "description": (
            "Samverkan mellan regionens ledningscentraler: effektiv larmhantering, operativ "
            "lägesbild och eskalering av händelser till regionalt samordnande nivå. Deltagare "
            "är de organisationer som dygnet runt driver ledningscentraler."
        ),
        "standing_agenda": [
            "Händelser sedan förra mötet",
            "Larmhantering och eskalering",
            "Operativ lägesbild",
        ],
        "rhythm_note": "Enligt överenskommelse",
        "bridge_number": "+46846500487",
        "bridge_pin": "1122",
        "rakel_talk_group": "LC STHLM",
        "answer_within_minutes": 60,
        "escalation_step_minutes": 20,
        "members": [("contact", slug) for slug in COMMAND_CENTRES],
    },
    {
        "slug": "operatorskluster",
        "name": "Operatörskluster",
        "level": "executive",
        "mode": "activated",
        "description": (
            "Samlokaliserade larm- och ledningsoperatörer från ledningscentralerna: snabb och "
            "samtidig informationsdelning och operativ lägesbild. Inga gemensamma beslut."
        ),
        "rhythm_note": "Vid behov",
        "rakel_talk_group": "OPKLUSTER STHLM",
        "answer_within_minutes": 60,
        "escalation_step_minutes": 20,
        "members": [("contact", slug) for slug in COMMAND_CENTRES],
    },
    {
        "slug": "regional-samverkansstab",
        "name": "Regional samverkansstab",
        "level": "coordinating",
        "mode": "activated",
        "description": (
            "Fördjupad samverkan i gemensamma lokaler, ledd av RSIB och bemannad av de mest "
            "berörda aktörerna; utpekade aktörer ingår inom två timmar från aktivering."
        ),
        "chair_function": "rsib",
        "standing_agenda": [
            "Uppdrag och inriktning för staben (RSIB)",
            "Lägesbild",
            "Analys",
            "Kommunikation",
        ],
        "rhythm_note": "Vid behov",
        "duration_minutes": 240,
        "bridge_number": "+46846500483",
        "bridge_pin": "1200",
        "rakel_talk_group": "RSAM STAB",
        "answer_within_minutes": 120,
        "escalation_step_minutes": 40,
        "members": [("contact", slug) for slug in STAFF_ACTORS] + [("rsib", EVERY)],
    },
    {
        "slug": "kommunikationssamordning",
        "name": "Regional kommunikationssamordning",
        "level": "coordinating",
        "mode": "activated",
        "description": (
            "Kompletterande möten med länets kommunikatörer vid behov av samordnad "
            "kommunikation i aktiverat läge. Leds av RKK."
        ),
        "chair_function": "rkk",
        "standing_agenda": [
            "Läget och kommunikationsbehoven",
            "Samordnade budskap",
            "Kanaler och talespersoner",
        ],
        "rhythm_note": "Vid behov",
        "bridge_number": "+46846500484",
        "bridge_pin": "3030",
        "answer_within_minutes": 60,
        "escalation_step_minutes": 20,
        "members": [("communicator", EVERY), ("rkk", EVERY)],
    },
]
HOST = "lansstyrelsen"


def seed(Forum, ForumMember, Actor) -> None:
    """Add the model's forums and whatever of their hosts and members is missing."""
    actors = {actor.slug: actor for actor in Actor.objects.all()}
    for row in FORUMS:
        values = {key: value for key, value in row.items() if key not in ("slug", "members")}
        forum, _created = Forum.objects.get_or_create(slug=row["slug"], defaults=values)
        if forum.host_actor_id is None and HOST in actors:
            forum.host_actor = actors[HOST]
            forum.save(update_fields=["host_actor"])
        for kind, slug in row["members"]:
            if slug is None:
                ForumMember.objects.get_or_create(forum=forum, function_kind=kind, actor=None)
            elif slug in actors:
                ForumMember.objects.get_or_create(
                    forum=forum, function_kind=kind, actor=actors[slug]
                )


def forward(apps, schema_editor):
    seed(
        apps.get_model("activation", "Forum"),
        apps.get_model("activation", "ForumMember"),
        apps.get_model("actors", "Actor"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("activation", "0001_initial"),
        ("actors", "0001_initial"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
