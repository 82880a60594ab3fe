"""The roll call starts from the call-out answers and is adjusted in the meeting: who attended
for which actor with which function and mandate; the attendance list is part of the minutes."""

import pytest
from django.core.exceptions import ValidationError

from samlad.activation import services as activation_services
from samlad.activation.models import Recipient
from samlad.core.errors import NotPermitted
from samlad.meetings import services
from samlad.meetings.models import Attendance


def answer(activation, user, username, what, **extra):
    recipient = Recipient.objects.get(activation=activation, user__username=username)
    return activation_services.record_answer(
        by=user("tib"), recipient=recipient, answer=what, **extra
    )


def test_the_list_starts_from_the_call_out_answers(activation, user):
    answer(activation, user, "nacka.kontakt", "attending")
    answer(activation, user, "polisen.kontakt", "not_attending")
    answer(activation, user, "sosalarm.kontakt", "later", minutes=20)
    meeting = services.create_meeting(by=user("rsib"), activation=activation)
    rows = {row.actor.slug: row for row in Attendance.objects.filter(meeting=meeting)}
    assert rows["nacka"].presence == "expected" and rows["nacka"].function_kind == "contact"
    assert rows["polisen"].presence == "declined"
    assert rows["sosalarm"].presence == "later"
    assert rows["nacka"].source == "call_out"


def test_answers_that_come_later_are_taken_without_undoing_the_roll_call(activation, user):
    answer(activation, user, "nacka.kontakt", "attending")
    meeting = services.create_meeting(by=user("rsib"), activation=activation)
    nacka = Attendance.objects.get(meeting=meeting, actor__slug="nacka")
    services.update_attendee(
        by=user("tib"), row=nacka, presence="present", mandate="Beslutar om värmestugor"
    )
    answer(activation, user, "varmdo.kontakt", "attending")
    assert services.refresh_from_call_out(by=user("tib"), meeting=meeting) == 1
    nacka.refresh_from_db()
    assert nacka.presence == "present" and nacka.mandate == "Beslutar om värmestugor"
    assert Attendance.objects.filter(meeting=meeting, actor__slug="varmdo").exists()


def test_the_host_adds_someone_who_was_not_called(activated_meeting, user, actor):
    row = services.add_attendee(
        by=user("tib"),
        meeting=activated_meeting,
        actor=actor("trafikverket"),
        name="Vägtrafikledare",
        function_kind="executive_rep",
        mandate="Prioriterar snöröjning",
    )
    assert row.presence == "present" and row.source == "roll_call"


def test_only_the_host_calls_the_roll(activated_meeting, user, actor):
    with pytest.raises(NotPermitted):
        services.add_attendee(
            by=user("nacka.kontakt"), meeting=activated_meeting, actor=actor("nacka")
        )


def test_bad_roll_call_input_is_refused(activated_meeting, user, actor):
    with pytest.raises(ValidationError) as refused:
        services.add_attendee(by=user("tib"), meeting=activated_meeting, actor=None)
    assert "actor" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services.add_attendee(
            by=user("tib"), meeting=activated_meeting, actor=actor("nacka"), presence="sleeping"
        )
    assert "presence" in refused.value.message_dict
