"""The minutes are written live, item by item, by several writers: a save against notes someone
else saved since is refused with what they wrote, never overwriting it; RSIB sets the agenda."""

import pytest
from django.core.exceptions import ValidationError
from meeting_helpers import COORDINATION_GROUP, item_titled, titles

from samlad.core.errors import NotPermitted
from samlad.meetings import services


def test_two_writers_on_different_items_do_not_disturb_each_other(activated_meeting, user):
    picture = item_titled(activated_meeting, "Samlad lägesbild")
    communication = item_titled(activated_meeting, "Kommunikation")
    services.save_notes(by=user("tib"), item=picture, revision=0, notes="Snöfall 20–30 cm.")
    services.save_notes(
        by=user("rkk"), item=communication, revision=0, notes="Samordnat budskap om resor."
    )
    picture.refresh_from_db()
    communication.refresh_from_db()
    assert picture.notes == "Snöfall 20–30 cm." and picture.revision == 1
    assert communication.notes == "Samordnat budskap om resor."


def test_a_second_writer_on_the_same_item_is_shown_the_first_ones_text_and_overwrites_nothing(
    activated_meeting, user
):
    item = item_titled(activated_meeting, "Samordningsbehov")
    services.save_notes(by=user("tib"), item=item, revision=0, notes="Behov av snöröjning i Nacka.")
    with pytest.raises(services.NotesConflict) as conflict:
        services.save_notes(by=user("rsib"), item=item, revision=0, notes="Sandning av GC-vägar.")
    assert conflict.value.item.notes == "Behov av snöröjning i Nacka."
    assert conflict.value.submitted == "Sandning av GC-vägar."
    item.refresh_from_db()
    assert item.notes == "Behov av snöröjning i Nacka."
    # Having seen it, the second writer saves knowingly on top of revision 1.
    services.save_notes(
        by=user("rsib"),
        item=item,
        revision=1,
        notes="Behov av snöröjning i Nacka. Sandning av GC-vägar.",
    )
    item.refresh_from_db()
    assert item.revision == 2 and item.notes_updated_by == user("rsib")


def test_only_the_county_boards_functions_write_the_minutes(activated_meeting, user):
    item = item_titled(activated_meeting, "Upprop")
    with pytest.raises(NotPermitted):
        services.save_notes(by=user("nacka.kontakt"), item=item, revision=0, notes="Nacka här.")


def test_rsib_adds_moves_and_removes_items_and_removed_notes_are_kept(activated_meeting, user):
    rsib = user("rsib")
    added = services.add_item(
        by=rsib, meeting=activated_meeting, title="Aktörsanalys: behövs fler aktörer?", position=3
    )
    assert titles(activated_meeting)[2] == "Aktörsanalys: behövs fler aktörer?"
    services.move_item(by=rsib, item=added, to=1)
    assert titles(activated_meeting)[0] == "Aktörsanalys: behövs fler aktörer?"
    services.save_notes(by=rsib, item=added, revision=0, notes="Trafikverket och SL tillkallas.")
    services.remove_item(by=rsib, item=added)
    assert "Aktörsanalys: behövs fler aktörer?" not in titles(activated_meeting)
    added.refresh_from_db()
    assert added.notes == "Trafikverket och SL tillkallas." and added.removed_at is not None
    positions = [
        item.position
        for item in activated_meeting.agenda_items.filter(removed_at=None).order_by("position")
    ]
    assert positions == list(range(1, len(positions) + 1))


def test_tib_hosts_but_does_not_set_the_agenda(activated_meeting, user):
    with pytest.raises(NotPermitted):
        services.add_item(by=user("tib"), meeting=activated_meeting, title="Övrigt")


def test_the_head_of_office_sets_the_agenda_of_the_coordination_group_she_chairs(plan, user):
    meeting = plan(COORDINATION_GROUP, by="kansli")
    item = services.add_item(by=user("kansli"), meeting=meeting, title="Övriga frågor")
    assert item.position == len(titles(meeting))


def test_a_reorder_must_name_every_item_once(activated_meeting, user):
    items = list(activated_meeting.agenda_items.order_by("position"))
    order = [item.public_id for item in reversed(items)]
    services.reorder(by=user("rsib"), meeting=activated_meeting, order=order)
    assert titles(activated_meeting)[0] == "Nästa möte"
    with pytest.raises(ValidationError):
        services.reorder(by=user("rsib"), meeting=activated_meeting, order=order[:-1])
