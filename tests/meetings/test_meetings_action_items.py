"""Action items and decisions belong to one actor (never a person), have a due time and a
status, and are followed up at later meetings of the forum. The responsible actor sees all its
open items across forums and events; nobody outside the meeting's access sees them."""

import pytest
from django.core.exceptions import ValidationError
from meeting_helpers import COORDINATION_GROUP, item_titled

from samlad.core.errors import NotPermitted
from samlad.meetings import selectors, services
from samlad.meetings.models import AgendaKind


@pytest.fixture
def restricted_meeting(plan, restricted_event):
    """A meeting about a restricted event shared with Nacka and Värmdö."""
    return plan(COORDINATION_GROUP, event=restricted_event)


def test_an_action_item_is_seen_by_its_actor_and_the_meetings_audience_only(
    restricted_meeting, user, actor
):
    item = services.add_action(
        by=user("rsib"),
        meeting=restricted_meeting,
        actor=actor("nacka"),
        text="Provtagning av dricksvatten.",
    )
    assert item in selectors.visible_actions(user("nacka.kontakt"))
    assert item in selectors.visible_actions(user("varmdo.kontakt"))
    assert item in selectors.visible_actions(user("tib"))
    assert item not in selectors.visible_actions(user("polisen.kontakt"))
    assert item not in selectors.visible_actions(user("sodertalje.kontakt"))


def test_the_responsible_actor_sees_its_item_even_outside_the_meetings_access(
    plan, restricted_event, user, actor
):
    meeting = plan(COORDINATION_GROUP, event=restricted_event)
    item = services.add_action(
        by=user("rsib"),
        meeting=meeting,
        actor=actor("polisen"),
        text="Avspärrning vid vattenverket.",
    )
    police = user("polisen.kontakt")
    assert [found.text for found in selectors.own_actions(police)] == [
        "Avspärrning vid vattenverket."
    ]
    assert not selectors.own_actions(police)[0].meeting_visible
    assert item not in selectors.visible_actions(user("sosalarm.kontakt"))


def test_a_confidential_meetings_item_reaches_only_those_of_the_actor_who_read_confidential(
    plan, user, actor
):
    meeting = plan(
        COORDINATION_GROUP,
        classification="confidential",
        osl_reference="OSL 18 kap. 13 §",
        shared_with=[actor("lansstyrelsen")],
    )
    item = services.add_action(
        by=user("rsib"), meeting=meeting, actor=actor("polisen"), text="Skydda objektet."
    )
    assert item not in selectors.visible_actions(user("polisen.kontakt"))
    assert item in selectors.visible_actions(user("rsib"))


def test_the_actor_sees_all_its_open_items_across_forums_and_events(
    plan, activated_meeting, user, actor
):
    nacka = actor("nacka")
    group_meeting = plan(COORDINATION_GROUP)
    services.add_action(
        by=user("rsib"), meeting=activated_meeting, actor=nacka, text="Öppna värmestuga."
    )
    services.add_action(
        by=user("rsib"),
        meeting=group_meeting,
        actor=nacka,
        text="Utvärdera rutinen.",
        kind="decision",
    )
    done = services.add_action(
        by=user("rsib"), meeting=group_meeting, actor=nacka, text="Redan klart."
    )
    services.set_action_status(
        by=user("nacka.kontakt"), item=done, status="done", note="Klart i tisdags."
    )
    texts = {item.text for item in selectors.own_actions(user("nacka.kontakt"))}
    assert {"Öppna värmestuga.", "Utvärdera rutinen."} <= texts
    assert "Redan klart." not in texts
    assert "Redan klart." in {
        item.text for item in selectors.own_actions(user("nacka.kontakt"), open_only=False)
    }


def test_the_status_moves_by_the_table_and_keeps_its_history(activated_meeting, user, actor):
    item = services.add_action(
        by=user("rsib"), meeting=activated_meeting, actor=actor("nacka"), text="Sanda."
    )
    nacka = user("nacka.kontakt")
    services.set_action_status(by=nacka, item=item, status="in_progress")
    services.set_action_status(by=nacka, item=item, status="done", note="Sandat.")
    with pytest.raises(ValidationError):
        services.set_action_status(by=nacka, item=item, status="in_progress")
    services.set_action_status(by=nacka, item=item, status="open", note="Nytt snöfall.")
    history = [(u.status_before, u.status_after) for u in item.updates.order_by("at", "id")]
    assert history == [("open", "in_progress"), ("in_progress", "done"), ("done", "open")]


def test_another_actor_may_not_follow_up_nackas_item(activated_meeting, user, actor):
    item = services.add_action(
        by=user("rsib"), meeting=activated_meeting, actor=actor("nacka"), text="Sanda."
    )
    with pytest.raises(NotPermitted):
        services.set_action_status(by=user("varmdo.kontakt"), item=item, status="done")


def test_an_item_needs_an_actor_and_a_text(activated_meeting, user):
    with pytest.raises(ValidationError) as refused:
        services.add_action(by=user("rsib"), meeting=activated_meeting, actor=None, text="  ")
    assert set(refused.value.message_dict) == {"actor", "text"}


def test_open_items_of_earlier_meetings_appear_on_the_next_meetings_agenda(plan, user, actor):
    first = plan(COORDINATION_GROUP, hours=24)
    item = services.add_action(
        by=user("rsib"), meeting=first, actor=actor("nacka"), text="Se över larmvägen."
    )
    second = plan(COORDINATION_GROUP, hours=24 * 8)
    follow_up = item_titled(second, "Uppföljning")
    assert follow_up.kind == AgendaKind.FOLLOW_UP
    assert item in selectors.follow_up_items(second)
    services.set_action_status(by=user("tib"), item=item, status="done", at_meeting=second)
    assert item.updates.get().meeting == second
    # Done at the second meeting: still in its follow-up, not in the third meeting's.
    assert item in selectors.follow_up_items(second)
    third = plan(COORDINATION_GROUP, hours=24 * 15)
    assert item not in selectors.follow_up_items(third)


def test_a_restricted_meetings_items_stay_out_of_an_open_meetings_follow_up(
    plan, restricted_event, user, actor
):
    closed = plan(COORDINATION_GROUP, hours=24, event=restricted_event)
    services.add_action(by=user("rsib"), meeting=closed, actor=actor("nacka"), text="Provtagning.")
    open_one = plan(COORDINATION_GROUP, hours=48)
    assert all(item.text != "Provtagning." for item in selectors.follow_up_items(open_one))
