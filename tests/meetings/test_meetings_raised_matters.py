"""Raising a matter from the minutes to another forum (Example 1 of the model): it lands on that
forum's next meeting's agenda, linked to the meeting and item it came from, and keeps its whole
history when it is raised on again."""

import pytest
from django.core.exceptions import ValidationError
from meeting_helpers import CHIEF_GROUP, CONFERENCE, COORDINATION_GROUP, item_titled

from samlad.meetings import selectors, services
from samlad.meetings.models import AgendaKind


@pytest.fixture
def conference(plan, soon):
    return plan(CONFERENCE, starts_at=soon(hours=3))


def test_a_raised_matter_lands_on_the_forums_next_meeting_with_its_source(
    conference, plan, forum, user
):
    group_meeting = plan(COORDINATION_GROUP, hours=24)
    source_item = item_titled(conference, "Samlad lägesbild")
    matter = services.raise_matter(
        by=user("rsib"),
        meeting=conference,
        to_forum=forum(COORDINATION_GROUP),
        title="Händelse hanterades inte enligt rutinerna",
        source_item=source_item,
    )
    landed = item_titled(group_meeting, "Händelse hanterades inte")
    assert landed.kind == AgendaKind.RAISED_MATTER
    assert landed.raised_matter == matter
    assert matter.source_meeting == conference and matter.source_item == source_item
    assert (
        landed.title
        == "Ärende från Regional samverkanskonferens: Händelse hanterades inte enligt rutinerna"
    )


def test_a_matter_waits_for_the_forum_to_plan_its_next_meeting(conference, plan, forum, user):
    matter = services.raise_matter(
        by=user("rsib"),
        meeting=conference,
        to_forum=forum(CHIEF_GROUP),
        title="Budget för teknikstöd",
    )
    assert not hasattr(matter, "agenda_item") or matter.agenda_item is None
    chief = plan(CHIEF_GROUP, hours=24 * 30, by="kansli")
    assert item_titled(chief, "Budget för teknikstöd").raised_matter == matter


def test_raised_on_again_it_keeps_its_whole_history(conference, plan, forum, user):
    group_meeting = plan(COORDINATION_GROUP, hours=24)
    services.raise_matter(
        by=user("rsib"),
        meeting=conference,
        to_forum=forum(COORDINATION_GROUP),
        title="Teknikstöd för informationsdelning",
        source_item=item_titled(conference, "Omvärld"),
    )
    landed = item_titled(group_meeting, "Teknikstöd")
    chief = plan(CHIEF_GROUP, hours=24 * 20, by="kansli")
    services.raise_matter(
        by=user("kansli"),
        meeting=group_meeting,
        to_forum=forum(CHIEF_GROUP),
        title="Projektdirektiv teknikstöd",
        source_item=landed,
    )
    at_chief = item_titled(chief, "Projektdirektiv")
    history = selectors.matter_history(at_chief.raised_matter)
    assert [step["meeting"] for step in history] == [conference, group_meeting]
    assert history[0]["item"].title == "Omvärldsbevakning"


def test_a_matter_goes_to_another_forum_and_says_what_it_is(conference, forum, user):
    with pytest.raises(ValidationError) as refused:
        services.raise_matter(
            by=user("rsib"), meeting=conference, to_forum=forum(CONFERENCE), title=""
        )
    assert set(refused.value.message_dict) == {"to_forum", "title"}
