"""The meeting pages: the live minutes written item by item with or without JavaScript, the
roll call and action items, reading out and approving, the approved versions as page, print and
document, the actor's own action items; and nobody outside a meeting's access sees any of it."""

import pytest
from django.urls import reverse
from meeting_helpers import COORDINATION_GROUP, item_titled

from samlad.meetings import services
from samlad.meetings.models import ActionItem

HTMX = {"HX-Request": "true"}


def url(name, *args):
    return reverse(f"meetings:{name}", args=args)


@pytest.fixture
def restricted_meeting(plan, restricted_event, user, actor):
    meeting = plan(COORDINATION_GROUP, event=restricted_event)
    services.add_action(
        by=user("rsib"), meeting=meeting, actor=actor("nacka"), text="Provtagning av vatten."
    )
    meeting.refresh_from_db()
    return meeting


def test_the_meeting_page_shows_the_line_the_agenda_and_the_tools(client_for, activated_meeting):
    page = client_for("rsib").get(url("detail", activated_meeting.public_id))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Upprop" in text and "Nästa möte" in text
    assert activated_meeting.bridge_pin in text
    assert 'sse-connect="' in text
    assert "Record an actor" in text or "Registrera en aktörs" in text


def test_nacka_reads_the_meeting_but_gets_no_writing_tools(client_for, activated_meeting):
    page = client_for("nacka.kontakt").get(url("detail", activated_meeting.public_id))
    assert page.status_code == 200
    assert 'name="notes"' not in page.content.decode()


def test_nobody_outside_a_restricted_meeting_reaches_any_of_its_pages(
    client_for, restricted_meeting, user
):
    meeting = restricted_meeting
    item = meeting.agenda_items.first()
    services.approve_minutes(by=user("rsib"), meeting=meeting, revision=meeting.minutes_revision)
    police = client_for("polisen.kontakt")
    for address in [
        url("detail", meeting.public_id),
        url("detail", meeting.public_id) + "?partial=actions",
        url("item", meeting.public_id, item.public_id),
        url("read_out", meeting.public_id),
        url("minutes_version", meeting.public_id, 1),
        url("minutes_print", meeting.public_id, 1),
        url("minutes_document", meeting.public_id, 1),
        url("ics", meeting.public_id),
    ]:
        assert police.get(address).status_code == 404, address
    assert "Provtagning av vatten." not in police.get(url("own_actions")).content.decode()
    assert (
        "Provtagning av vatten."
        in client_for("nacka.kontakt").get(url("own_actions")).content.decode()
    )


def test_writing_an_item_without_javascript_reloads_the_page_at_the_item(
    client_for, activated_meeting
):
    item = item_titled(activated_meeting, "Alternativa")
    answer = client_for("tib").post(
        url("item", activated_meeting.public_id, item.public_id),
        {"notes": "Värsta fall: 50 cm.", "revision": 0},
    )
    assert answer.status_code == 302 and answer["Location"].endswith(f"#punkt-{item.position}")
    item.refresh_from_db()
    assert item.notes == "Värsta fall: 50 cm."


def test_writing_an_item_with_htmx_answers_with_the_item(client_for, activated_meeting):
    item = item_titled(activated_meeting, "Alternativa")
    answer = client_for("tib").post(
        url("item", activated_meeting.public_id, item.public_id),
        {"notes": "Troligast: 25 cm.", "revision": 0},
        headers=HTMX,
    )
    assert answer.status_code == 200
    assert "Troligast: 25 cm." in answer.content.decode()
    assert 'name="revision" value="1"' in answer.content.decode()


def test_a_conflicting_save_shows_both_texts_and_keeps_the_writers(
    client_for, activated_meeting, user
):
    item = item_titled(activated_meeting, "Samordningsbehov")
    services.save_notes(by=user("rkk"), item=item, revision=0, notes="Snöröjning prioriteras.")
    path = url("item", activated_meeting.public_id, item.public_id)
    page = client_for("tib").post(path, {"notes": "Sandning av busshållplatser.", "revision": 0})
    text = page.content.decode()
    assert page.status_code == 409
    assert "Snöröjning prioriteras." in text and "Sandning av busshållplatser." in text
    assert 'name="revision" value="1"' in text
    item.refresh_from_db()
    assert item.notes == "Snöröjning prioriteras."
    swapped = client_for("tib").post(path, {"notes": "Sandning.", "revision": 0}, headers=HTMX)
    assert swapped.status_code == 200 and "Snöröjning prioriteras." in swapped.content.decode()


def test_an_action_item_added_with_htmx_shows_in_the_list_at_once(
    client_for, activated_meeting, actor
):
    answer = client_for("rsib").post(
        url("add_action", activated_meeting.public_id),
        {
            "atgard-kind": "action",
            "atgard-actor": actor("nacka").pk,
            "atgard-text": "Öppna värmestuga i Fisksätra.",
        },
        headers=HTMX,
    )
    text = answer.content.decode()
    assert answer.status_code == 200
    assert 'hx-swap-oob="innerHTML"' in text and "Öppna värmestuga i Fisksätra." in text
    assert ActionItem.objects.filter(meeting=activated_meeting, actor=actor("nacka")).exists()


def test_an_action_item_without_an_actor_gets_a_clear_error_and_keeps_the_text(
    client_for, activated_meeting
):
    page = client_for("rsib").post(
        url("add_action", activated_meeting.public_id),
        {"atgard-kind": "action", "atgard-text": "Sanda."},
    )
    assert page.status_code == 400
    assert "Sanda." in page.content.decode()
    assert not ActionItem.objects.filter(meeting=activated_meeting).exists()


def test_the_roll_call_marks_someone_present(client_for, activated_meeting, user, actor):
    row = services.add_attendee(
        by=user("tib"), meeting=activated_meeting, actor=actor("nacka"), presence="expected"
    )
    answer = client_for("tib").post(
        url("roll_call", activated_meeting.public_id, row.public_id),
        {
            f"n{row.pk}-presence": "present",
            f"n{row.pk}-function_kind": "contact",
            f"n{row.pk}-mandate": "Egen org.",
        },
    )
    assert answer.status_code == 302
    row.refresh_from_db()
    assert row.presence == "present" and row.mandate == "Egen org."


def test_reading_out_and_approving_the_minutes(client_for, activated_meeting, user):
    rsib = client_for("rsib")
    item = item_titled(activated_meeting, "Samlad lägesbild")
    services.save_notes(by=user("tib"), item=item, revision=0, notes="Snöfall 20 cm.")
    activated_meeting.refresh_from_db()
    read_out = rsib.get(url("read_out", activated_meeting.public_id))
    assert read_out.status_code == 200 and "Snöfall 20 cm." in read_out.content.decode()
    services.save_notes(by=user("tib"), item=item, revision=1, notes="Snöfall 25 cm.")
    stale = rsib.post(
        url("read_out", activated_meeting.public_id),
        {"revision": activated_meeting.minutes_revision},
    )
    assert stale.status_code == 409 and "Snöfall 25 cm." in stale.content.decode()
    activated_meeting.refresh_from_db()
    approved = rsib.post(
        url("read_out", activated_meeting.public_id),
        {"revision": activated_meeting.minutes_revision},
    )
    assert approved.status_code == 302 and approved["Location"] == url(
        "minutes_version", activated_meeting.public_id, 1
    )
    version = rsib.get(approved["Location"])
    assert "Snöfall 25 cm." in version.content.decode()
    printed = rsib.get(url("minutes_print", activated_meeting.public_id, 1))
    assert printed.status_code == 200 and "<script" not in printed.content.decode()
    document = rsib.get(url("minutes_document", activated_meeting.public_id, 1))
    assert document["Content-Disposition"].startswith("attachment;")
    assert "Snöfall 25 cm." in document.content.decode()


def test_nacka_may_not_approve(client_for, activated_meeting):
    assert (
        client_for("nacka.kontakt").get(url("read_out", activated_meeting.public_id)).status_code
        == 403
    )


def test_the_actor_follows_up_its_item_on_its_own_page(client_for, activated_meeting, user, actor):
    item = services.add_action(
        by=user("rsib"), meeting=activated_meeting, actor=actor("nacka"), text="Sanda."
    )
    nacka = client_for("nacka.kontakt")
    page = nacka.get(url("own_actions"))
    assert "Sanda." in page.content.decode()
    answer = nacka.post(
        url("action_status", item.public_id),
        {f"a{item.pk}-status": "done", f"a{item.pk}-note": "Klart."},
    )
    assert answer.status_code == 302
    item.refresh_from_db()
    assert item.status == "done"
    # Värmdö sees the open meeting's item, but it is not Värmdö's to follow up.
    other = client_for("varmdo.kontakt").post(
        url("action_status", item.public_id), {f"a{item.pk}-status": "open"}
    )
    assert other.status_code == 403


def test_planning_a_meeting_from_the_page(client_for, forum, soon):
    group = forum(COORDINATION_GROUP)
    rsib = client_for("rsib")
    form = rsib.get(url("create"))
    assert form.status_code == 200
    starts = soon(hours=26).astimezone().strftime("%Y-%m-%dT%H:%M")
    answer = rsib.post(
        url("create"),
        {
            "forum": group.pk,
            "starts_at": starts,
            "classification": "open",
            "same_access_as_event": "on",
        },
    )
    assert answer.status_code == 302
    bad = rsib.post(url("create"), {"forum": group.pk, "starts_at": "igår", "bridge_pin": "ab"})
    assert bad.status_code == 400
    assert client_for("nacka.kontakt").get(url("create")).status_code == 403


def test_the_list_shows_the_coming_and_earlier_meetings(client_for, activated_meeting):
    page = client_for("nacka.kontakt").get(url("list"))
    assert page.status_code == 200
    assert activated_meeting.title in page.content.decode()


def test_malformed_and_unknown_ids_are_404(client_for):
    rsib = client_for("rsib")
    assert rsib.get("/moten/not-a-uuid/").status_code == 404
    assert rsib.get("/moten/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_rsib_opens_the_meeting_of_an_activation_from_the_list(client_for, activation):
    rsib = client_for("rsib")
    listed = rsib.get(url("list")).content.decode()
    assert url("for_activation", activation.public_id) in listed
    opened = rsib.post(url("for_activation", activation.public_id))
    assert opened.status_code == 302
    meeting = activation.meetings.get()
    assert opened["Location"] == url("detail", meeting.public_id)
    again = rsib.post(url("for_activation", activation.public_id))
    assert (
        again["Location"] == url("detail", meeting.public_id) and activation.meetings.count() == 1
    )
    assert (
        client_for("nacka.kontakt").post(url("for_activation", activation.public_id)).status_code
        == 404
    )
