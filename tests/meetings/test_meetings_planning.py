"""Planning meetings: each forum's meeting starts from its standing agenda, an activated one from
the model's agenda; the line comes from the forum (or the activation) unless given; a meeting
about an event is as closed as the event."""

import pytest
from django.core.exceptions import ValidationError
from meeting_helpers import CONFERENCE, COORDINATION_GROUP, titles

from samlad.core.errors import NotPermitted
from samlad.meetings import services
from samlad.meetings.models import AgendaKind

MODEL_AGENDA = [
    "Upprop",
    "Aktörernas korta lägesrapporter",
    "Samlad lägesbild och gemensam analys",
    "Alternativa händelseutvecklingar",
    "Samordningsbehov (resurser, åtgärder)",
    "Kommunikation och samordnade budskap",
    "Beslut om vad respektive aktör gör",
    "Nästa möte",
]


def test_an_activated_meeting_starts_from_the_models_agenda(activated_meeting):
    assert titles(activated_meeting) == MODEL_AGENDA
    kinds = [item.kind for item in activated_meeting.agenda_items.order_by("position")]
    assert kinds[0] == AgendaKind.ROLL_CALL and kinds[1] == AgendaKind.ACTOR_REPORTS
    assert activated_meeting.is_activated


def test_the_meeting_of_an_activation_takes_its_time_line_and_event(
    activated_meeting, activation, snowstorm
):
    assert activated_meeting.forum == activation.forum
    assert activated_meeting.starts_at == activation.meeting_at
    assert activated_meeting.bridge_number == activation.bridge_number != ""
    assert activated_meeting.bridge_pin == activation.bridge_pin
    assert activated_meeting.event == snowstorm
    # The invitation the call-out sent and the meeting are one calendar entry.
    assert activated_meeting.calendar_uid == f"{activation.public_id}@samlad"


def test_an_ordinary_meeting_starts_from_the_forums_standing_agenda_and_line(plan, forum):
    group = forum(COORDINATION_GROUP)
    meeting = plan(COORDINATION_GROUP)
    assert titles(meeting)[: len(group.standing_agenda)] == group.standing_agenda
    assert not meeting.is_activated
    conference = plan(CONFERENCE, hours=30)
    assert conference.bridge_number == forum(CONFERENCE).bridge_number == "+46846500480"
    assert conference.bridge_pin == "1600"
    assert conference.rakel_talk_group == "RSAM STHLM"


def test_a_meeting_about_a_restricted_event_is_as_closed_as_the_event(
    plan, restricted_event, actor
):
    meeting = plan(COORDINATION_GROUP, event=restricted_event)
    assert meeting.classification == "restricted"
    assert set(meeting.shared_with.all()) == {actor("nacka"), actor("varmdo")}


def test_the_contact_function_of_nacka_does_not_plan_meetings(plan):
    with pytest.raises(NotPermitted):
        plan(COORDINATION_GROUP, by="nacka.kontakt")


def test_bad_input_is_refused_field_by_field(plan, user, forum):
    with pytest.raises(ValidationError) as refused:
        plan(
            COORDINATION_GROUP, bridge_pin="12ab", bridge_number="not a number", duration_minutes=2
        )
    assert set(refused.value.message_dict) == {"bridge_pin", "bridge_number", "duration_minutes"}
    with pytest.raises(ValidationError) as refused:
        services.create_meeting(by=user("rsib"), forum=forum(COORDINATION_GROUP))
    assert "starts_at" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        plan(COORDINATION_GROUP, classification="confidential")
    assert "osl_reference" in refused.value.message_dict


def test_an_event_the_planner_cannot_see_is_no_such_event(plan, user, actor, snowstorm):
    from samlad.events import services as event_services

    hidden = event_services.create_event(
        by=user("polisen.kontakt"),
        title="Hot mot kritisk infrastruktur",
        event_type=snowstorm.event_type,
        classification="restricted",
        shared_with=[actor("sosalarm")],
    )
    with pytest.raises(ValidationError) as refused:
        plan(COORDINATION_GROUP, event=hidden)
    assert "event" in refused.value.message_dict


def test_the_host_changes_the_time_and_starts_ends_or_cancels(plan, user, soon):
    meeting = plan(COORDINATION_GROUP)
    later = soon(hours=50)
    meeting = services.update_meeting(by=user("tib"), meeting=meeting, starts_at=later)
    assert meeting.starts_at == later
    with pytest.raises(NotPermitted):
        services.start_meeting(by=user("nacka.kontakt"), meeting=meeting)
    services.start_meeting(by=user("tib"), meeting=meeting)
    with pytest.raises(ValidationError):
        services.cancel_meeting(by=user("tib"), meeting=meeting)
    ended = services.end_meeting(by=user("tib"), meeting=meeting)
    assert ended.status == "ended"


def test_the_weekly_call_out_is_linked_to_the_conference_already_planned(plan, user, forum, soon):
    from samlad.activation import services as activation_services

    planned = plan(CONFERENCE, starts_at=soon(hours=5))
    call_out = activation_services.open_activation(
        by=None, forum=forum(CONFERENCE), kind="scheduled", meeting_at=planned.starts_at
    )
    linked = services.meeting_for_activation(by=user("tib"), activation=call_out)
    assert linked == planned
    linked.refresh_from_db()
    assert linked.activation == call_out and call_out.meetings.count() == 1
