"""Invitations and changes as iCalendar through the outbox: METHOD:REQUEST with a rising
SEQUENCE for every change, METHOD:CANCEL when cancelled, the conference line in the invite, and
the same people reached each time."""

from datetime import timedelta

import pytest
from icalendar import Calendar
from meeting_helpers import COORDINATION_GROUP

from samlad.meetings import services
from samlad.notify.models import Delivery


@pytest.fixture
def group_meeting(plan):
    return plan(COORDINATION_GROUP, hours=30, bridge_number="08-465 004 85", bridge_pin="4711")


def invites(meeting, what):
    rows = Delivery.objects.filter(topic=meeting.topic, idempotency_key__contains=f":{what}:")
    return list(rows.order_by("address"))


def parsed(delivery):
    [attachment] = delivery.attachments
    return Calendar.from_ical(attachment["content"]), attachment


def the_event(calendar):
    [event] = [part for part in calendar.walk() if part.name == "VEVENT"]
    return event


def test_the_forums_members_get_a_valid_invitation_with_the_line(group_meeting, user):
    count = services.send_invitations(by=user("tib"), meeting=group_meeting)
    sent = invites(group_meeting, "request")
    assert count == len(sent) > 0
    addresses = {delivery.address for delivery in sent}
    assert "rsib@demo.samlad.example" in addresses  # RSIB is Länsstyrelsen's coordinating rep
    assert "kansli@demo.samlad.example" in addresses  # the head of office
    calendar, attachment = parsed(sent[0])
    assert attachment["content_type"] == "text/calendar; method=REQUEST"
    assert calendar["METHOD"] == "REQUEST" and calendar["VERSION"] == "2.0" and calendar["PRODID"]
    event = the_event(calendar)
    assert str(event["UID"]) == f"{group_meeting.public_id}@samlad"
    assert event["SEQUENCE"] == 0
    assert event.decoded("DTSTART") == group_meeting.starts_at
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(
        minutes=group_meeting.duration_minutes
    )
    assert "08-465 004 85" in str(event["LOCATION"]) and "4711" in str(event["LOCATION"])
    assert "+4684650048" in str(event["DESCRIPTION"])
    assert str(event["ATTENDEE"]) == f"mailto:{sent[0].address}"
    assert event.get("DTSTAMP") is not None


def test_sending_again_invites_nobody_twice(group_meeting, user):
    first = services.send_invitations(by=user("tib"), meeting=group_meeting)
    assert services.send_invitations(by=user("tib"), meeting=group_meeting) == 0
    assert len(invites(group_meeting, "request")) == first


def test_a_change_is_a_request_with_a_higher_sequence_to_the_same_people(group_meeting, user):
    services.send_invitations(by=user("tib"), meeting=group_meeting)
    invited = [delivery.address for delivery in invites(group_meeting, "request")]
    moved = group_meeting.starts_at + timedelta(hours=2)
    services.update_meeting(by=user("tib"), meeting=group_meeting, starts_at=moved)
    changes = invites(group_meeting, "change")
    assert [delivery.address for delivery in changes] == invited
    calendar, _attachment = parsed(changes[0])
    event = the_event(calendar)
    assert calendar["METHOD"] == "REQUEST"
    assert event["SEQUENCE"] == 1 and event.decoded("DTSTART") == moved
    assert str(event["UID"]) == f"{group_meeting.public_id}@samlad"
    assert changes[0].subject.startswith(("Ändrat", "Changed"))


def test_a_cancellation_is_a_cancel_to_everyone_invited(group_meeting, user):
    services.send_invitations(by=user("tib"), meeting=group_meeting)
    services.cancel_meeting(by=user("tib"), meeting=group_meeting)
    cancels = invites(group_meeting, "cancel")
    assert len(cancels) == len(invites(group_meeting, "request"))
    calendar, attachment = parsed(cancels[0])
    assert attachment["content_type"] == "text/calendar; method=CANCEL"
    assert calendar["METHOD"] == "CANCEL"
    assert the_event(calendar)["STATUS"] == "CANCELLED" and the_event(calendar)["SEQUENCE"] == 1


def test_an_exercise_invitation_says_so(plan, user):
    meeting = plan(COORDINATION_GROUP, hours=30, is_exercise=True)
    services.send_invitations(by=user("tib"), meeting=meeting)
    sent = invites(meeting, "request")[0]
    assert sent.subject.startswith("ÖVNING") and sent.exercise
    assert str(the_event(parsed(sent)[0])["SUMMARY"]).startswith("ÖVNING")


def test_a_restricted_meeting_invites_only_those_who_may_see_it(plan, restricted_event, user):
    meeting = plan(COORDINATION_GROUP, hours=30, event=restricted_event)
    services.send_invitations(by=user("tib"), meeting=meeting)
    addresses = {delivery.address for delivery in invites(meeting, "request")}
    assert "rsib@demo.samlad.example" in addresses
    people = {address.split("@")[0].split(".")[0] for address in addresses}
    assert people <= {"rsib", "kansli", "nacka", "varmdo", "tib", "rkk"}
    assert "polisen" not in people


def test_invitations_go_out_before_the_meeting_starts(group_meeting, user):
    services.start_meeting(by=user("tib"), meeting=group_meeting)
    with pytest.raises(Exception, match="before the meeting starts|innan mötet börjar"):
        services.send_invitations(by=user("tib"), meeting=group_meeting)


def test_a_change_does_not_reach_someone_invited_who_has_since_lost_access(group_meeting, user):
    services.send_invitations(by=user("tib"), meeting=group_meeting)
    invited = {delivery.address for delivery in invites(group_meeting, "request")}
    gone = "kansli@demo.samlad.example"
    assert gone in invited
    left = user("kansli")
    left.is_active = False  # has left the office: the account is deactivated
    left.save(update_fields=["is_active"])
    moved = group_meeting.starts_at + timedelta(hours=2)
    services.update_meeting(by=user("tib"), meeting=group_meeting, starts_at=moved)
    changed = {delivery.address for delivery in invites(group_meeting, "change")}
    assert changed == invited - {gone}
    services.cancel_meeting(by=user("tib"), meeting=group_meeting)
    assert gone not in {delivery.address for delivery in invites(group_meeting, "cancel")}
