"""An actor's short report, given orally in the meeting, is recorded straight into the event as
that actor's report, as closed as the meeting."""

import pytest
from django.core.exceptions import ValidationError

from samlad.core.errors import NotPermitted
from samlad.events import selectors as event_selectors
from samlad.meetings import selectors, services


def test_rsib_records_nackas_oral_report_as_nackas_report_in_the_event(
    activated_meeting, user, actor, snowstorm
):
    recorded = services.record_actor_report(
        by=user("rsib"),
        meeting=activated_meeting,
        actor=actor("nacka"),
        situation="Två värmestugor öppna.",
        needs="Fler snöplogar.",
    )
    [report] = event_selectors.current_reports(user("nacka.kontakt"), snowstorm)
    assert report == recorded.report
    assert report.owner_actor == actor("nacka") and report.reported_by == user("rsib")
    assert report.needs == "Fler snöplogar."
    assert selectors.recorded_reports(user("nacka.kontakt"), activated_meeting) == [recorded]


def test_a_report_given_in_a_restricted_meeting_is_as_closed_as_the_meeting(
    plan, restricted_event, user, actor
):
    meeting = plan("regionala-samordningsgruppen", event=restricted_event)
    recorded = services.record_actor_report(
        by=user("tib"), meeting=meeting, actor=actor("varmdo"), situation="Kokning rekommenderas."
    )
    assert recorded.report.classification == "restricted"
    # The meeting's audience: its own actor (TiB, who recorded it, reads it back) and the
    # actors the meeting is shared with.
    assert set(recorded.report.shared_with.all()) == {
        actor("lansstyrelsen"),
        actor("nacka"),
        actor("varmdo"),
    }
    assert len(event_selectors.current_reports(user("tib"), restricted_event)) == 1
    assert event_selectors.current_reports(user("polisen.kontakt"), restricted_event) == []


def test_a_meeting_without_an_event_has_nowhere_to_record_a_report(plan, user, actor):
    meeting = plan("regionala-samordningsgruppen")
    with pytest.raises(NotPermitted):
        services.record_actor_report(
            by=user("rsib"), meeting=meeting, actor=actor("nacka"), situation="Lugnt."
        )


def test_an_empty_report_is_refused(activated_meeting, user, actor):
    with pytest.raises(ValidationError) as refused:
        services.record_actor_report(
            by=user("rsib"), meeting=activated_meeting, actor=actor("nacka"), situation=" "
        )
    assert "situation" in refused.value.message_dict
