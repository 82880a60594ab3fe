"""Forums as data: the model's forums are there from the start, with their level, mode, host,
chair, members, rhythm, conference line and answer requirement; platform administrators change
them."""

import datetime
import io

from samlad.activation.models import Forum, ForumMember
from samlad.activation.services.callout import forum_actor_ids
from samlad.core.models import LogEntry


def test_the_models_forums_are_seeded(db):
    names = set(Forum.objects.values_list("name", flat=True))
    assert {
        "Regional samverkanskonferens",
        "Regionalt samordnande forum",
        "Regionalt inriktande forum",
        "Regionala samordningsgruppen",
        "Regionala chefsgruppen",
        "Verkställande forum – Ledningscentraler",
        "Regional samverkansstab",
        "Operatörskluster",
    } <= names


def test_the_weekly_conference_meets_on_thursdays_at_sixteen(forum):
    conference = forum("regional-samverkanskonferens")
    assert (conference.level, conference.mode) == ("coordinating", "ordinary")
    assert conference.rhythm_weekday == 3
    assert conference.rhythm_time == datetime.time(16, 0)
    assert conference.auto_call_out
    assert conference.call_out_lead_minutes == 7 * 60
    assert conference.host_actor.slug == "lansstyrelsen"
    assert conference.chair_function == "tib"


def test_the_answer_requirements_follow_the_model(forum):
    assert forum("regionalt-samordnande-forum").answer_within_minutes == 15
    assert forum("regionalt-inriktande-forum").answer_within_minutes == 60
    assert forum("regional-samverkansstab").answer_within_minutes == 120
    assert forum("regionalt-samordnande-forum").step_minutes == 5


def test_every_actors_contact_function_sits_in_the_coordinating_forum(forum, actor):
    coordinating = forum()
    kinds = {(m.function_kind, m.actor_id) for m in coordinating.members.all()}
    assert ("contact", None) in kinds and ("rsib", None) in kinds and ("rkk", None) in kinds
    assert len(forum_actor_ids(coordinating)) == 37


def test_the_command_centres_forum_names_its_actors(forum):
    members = ForumMember.objects.filter(forum=forum("verkstallande-forum-ledningscentraler"))
    assert {m.actor.slug for m in members} >= {"polisen", "sosalarm", "ssbf", "lansstyrelsen"}
    assert "nacka" not in {m.actor.slug for m in members}


def test_the_demo_loader_is_idempotent(forum):
    from samlad.activation import demo

    before = (Forum.objects.count(), ForumMember.objects.count())
    demo.load()
    demo.load()
    assert (Forum.objects.count(), ForumMember.objects.count()) == before


def test_every_member_reads_the_forum_pages(forum, client_for):
    client = client_for("nacka.kontakt")
    listing = client.get("/aktivering/forum/").content.decode()
    assert "Regionalt inriktande forum" in listing and "Regional samordnande nivå" not in listing
    assert "Regionalt samordnande nivå" in listing
    page = client.get(f"/aktivering/forum/{forum('regional-samverkanskonferens').public_id}/")
    text = page.content.decode()
    assert "Varje torsdag kl. 16.00" in text
    assert "Summering av åtgärder (RSIB)" in text
    assert "08-465 004 80" in text
    assert "Ändra forum" not in text


def form_data(forum, **changes):
    data = {
        "name": forum.name,
        "level": forum.level,
        "mode": forum.mode,
        "description": forum.description,
        "host_actor": forum.host_actor_id or "",
        "chair_function": forum.chair_function,
        "rhythm_weekday": forum.rhythm_weekday if forum.rhythm_weekday is not None else "",
        "rhythm_time": forum.rhythm_time.strftime("%H:%M") if forum.rhythm_time else "",
        "rhythm_note": forum.rhythm_note,
        "duration_minutes": forum.duration_minutes,
        "call_out_lead_minutes": forum.call_out_lead_minutes,
        "bridge_number": forum.bridge_number,
        "bridge_pin": forum.bridge_pin,
        "rakel_talk_group": forum.rakel_talk_group,
        "answer_within_minutes": forum.answer_within_minutes,
        "escalation_step_minutes": forum.escalation_step_minutes or "",
        "standing_agenda_text": "\n".join(forum.standing_agenda),
        "members_contact": ["*"],
    }
    if forum.auto_call_out:
        data["auto_call_out"] = "on"
    if forum.is_active:
        data["is_active"] = "on"
    data.update(changes)
    return data


def test_a_platform_administrator_changes_a_forum(forum, actor, client_for):
    staff = forum("regional-samverkansstab")
    response = client_for("kansli").post(
        f"/aktivering/forum/{staff.public_id}/andra/",
        form_data(
            staff,
            bridge_number="08-465 004 90",
            answer_within_minutes="90",
            escalation_step_minutes="30",
            members_contact=[str(actor("polisen").pk), str(actor("nacka").pk)],
            members_rsib=["*"],
        ),
    )
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.bridge_number == "+46846500490"
    assert staff.answer_within_minutes == 90
    members = {(m.function_kind, m.actor.slug if m.actor else "*") for m in staff.members.all()}
    assert members == {("contact", "polisen"), ("contact", "nacka"), ("rsib", "*")}
    entry = LogEntry.objects.get(action="forum.updated")
    assert entry.before["answer_within_minutes"] == 120
    assert entry.after["answer_within_minutes"] == 90


def test_bad_forum_input_is_refused_and_changes_nothing(forum, client_for):
    staff = forum("regional-samverkansstab")
    response = client_for("kansli").post(
        f"/aktivering/forum/{staff.public_id}/andra/",
        form_data(staff, bridge_number="inte ett nummer", escalation_step_minutes="500"),
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Eskalera inom svarskravet" in text
    staff.refresh_from_db()
    assert staff.bridge_number == "+46846500483"


def test_a_platform_administrator_adds_a_forum(client_for, actor):
    response = client_for("kansli").post(
        "/aktivering/forum/nytt/",
        {
            "name": "Regional samverkan kring elförsörjning",
            "level": "executive",
            "mode": "activated",
            "host_actor": actor("lansstyrelsen").pk,
            "duration_minutes": "60",
            "call_out_lead_minutes": "60",
            "rakel_talk_group": "EL STHLM",
            "answer_within_minutes": "60",
            "is_active": "on",
            "members_contact": [str(actor("nacka").pk)],
        },
    )
    assert response.status_code == 302
    added = Forum.objects.get(name="Regional samverkan kring elförsörjning")
    assert added.slug == "regional-samverkan-kring-elforsorjning"


def test_only_platform_administrators_change_forums(forum, client_for):
    conference = forum("regional-samverkanskonferens")
    for username in ("tib", "nacka.admin"):
        response = client_for(username).post(
            f"/aktivering/forum/{conference.public_id}/andra/", form_data(conference)
        )
        assert response.status_code == 403
    assert client_for("tib").get("/aktivering/forum/nytt/").status_code == 403


def test_seeding_after_the_registry_adds_hosts_and_named_members(forum):
    from django.core.management import call_command

    centres = forum("verkstallande-forum-ledningscentraler")
    centres.members.all().delete()
    Forum.objects.filter(pk=centres.pk).update(host_actor=None)
    call_command("seed_forums", stdout=io.StringIO())
    centres.refresh_from_db()
    assert centres.host_actor.slug == "lansstyrelsen"
    assert centres.members.filter(actor__slug="polisen").exists()
