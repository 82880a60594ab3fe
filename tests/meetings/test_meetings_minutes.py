"""At the end the minutes are read out and approved: the approval is recorded (who, when),
locks that version and sends it to the participants with the minutes attached; a later change is
the next version, and the approved one stays readable as it was."""

import pytest
from django.core.exceptions import ValidationError
from meeting_helpers import item_titled

from samlad.events.models import LogBookEntry
from samlad.meetings import services
from samlad.meetings.models import MinutesVersion
from samlad.notify.models import Delivery


@pytest.fixture
def written(activated_meeting, user, actor):
    """The activated meeting with an attendee from Nacka and TiB, notes and an action item."""
    tib = user("tib")
    services.add_attendee(
        by=tib,
        meeting=activated_meeting,
        actor=actor("nacka"),
        user=user("nacka.kontakt"),
        name="Nacka kontaktfunktion",
        function_kind="contact",
        mandate="Kontaktfunktion",
    )
    services.add_attendee(
        by=tib,
        meeting=activated_meeting,
        actor=actor("lansstyrelsen"),
        user=tib,
        name="TiB",
        function_kind="tib",
    )
    item = item_titled(activated_meeting, "Samlad lägesbild")
    services.save_notes(by=tib, item=item, revision=0, notes="Snöfall 20–30 cm väntas i natt.")
    services.add_action(
        by=user("rsib"),
        meeting=activated_meeting,
        actor=actor("nacka"),
        text="Öppna värmestuga i Fisksätra.",
    )
    activated_meeting.refresh_from_db()
    return activated_meeting


def approve(meeting, user, by="rsib"):
    meeting.refresh_from_db()
    return services.approve_minutes(by=user(by), meeting=meeting, revision=meeting.minutes_revision)


def test_the_approval_records_who_and_when_and_locks_the_minutes(written, user):
    version = approve(written, user)
    assert version.number == 1 and version.approved_by == user("rsib")
    assert version.approving_actor.slug == "lansstyrelsen"
    written.refresh_from_db()
    assert written.minutes_state == "approved"
    item = item_titled(written, "Samlad lägesbild")
    with pytest.raises(ValidationError, match="locked|låsta"):
        services.save_notes(
            by=user("tib"), item=item, revision=item.revision, notes="Ändrat i efterhand."
        )
    with pytest.raises(ValidationError):
        services.add_action(
            by=user("rsib"), meeting=written, actor=item.meeting.owner_actor, text="Något mer."
        )
    with pytest.raises(ValidationError):
        services.add_item(by=user("rsib"), meeting=written, title="Övrigt")


def test_a_later_change_is_a_new_version_and_the_approved_one_stays_as_it_was(written, user):
    first = approve(written, user)
    services.start_new_version(by=user("rsib"), meeting=written)
    item = item_titled(written, "Samlad lägesbild")
    services.save_notes(
        by=user("tib"), item=item, revision=item.revision, notes="Snöfall 40 cm, rättat."
    )
    second = approve(written, user)
    assert second.number == 2
    first.refresh_from_db()
    notes = {row["title"]: row["notes"] for row in first.content["items"]}
    assert notes["Samlad lägesbild och gemensam analys"] == "Snöfall 20–30 cm väntas i natt."
    assert {row["title"]: row["notes"] for row in second.content["items"]}[
        "Samlad lägesbild och gemensam analys"
    ] == "Snöfall 40 cm, rättat."
    assert list(
        MinutesVersion.objects.filter(meeting=written).values_list("number", flat=True)
    ) == [2, 1]


def test_an_approved_version_can_never_be_changed_in_place(written, user):
    from samlad.core.models import AppendOnlyError

    version = approve(written, user)
    version.content = {}
    with pytest.raises(AppendOnlyError):
        version.save()


def test_minutes_changed_after_they_were_read_out_are_not_approved(written, user):
    read_at = written.minutes_revision
    item = item_titled(written, "Kommunikation")
    services.save_notes(by=user("rkk"), item=item, revision=0, notes="RKK: budskap om resor.")
    with pytest.raises(services.MinutesChanged):
        services.approve_minutes(by=user("rsib"), meeting=written, revision=read_at)
    written.refresh_from_db()
    assert written.minutes_state == "writing"


def test_the_minutes_hold_the_attendance_list_and_the_action_items(written, user):
    content = approve(written, user).content
    assert {"actor": "Nacka kommun", "presence": "present"}.items() <= content["attendance"][
        1
    ].items() or any(
        row["actor"] == "Nacka kommun" and row["presence"] == "present"
        for row in content["attendance"]
    )
    assert [action["text"] for action in content["actions"]] == ["Öppna värmestuga i Fisksätra."]
    assert content["actions"][0]["actor"] == "Nacka kommun"


def test_the_approved_minutes_are_sent_to_the_participants_with_the_document_attached(
    written, user
):
    version = approve(written, user)
    sent = Delivery.objects.filter(topic=written.topic, subject__startswith="Minnesanteckningar")
    assert sorted(sent.values_list("address", flat=True)) == [
        "nacka.kontakt@demo.samlad.example",
        "tib@demo.samlad.example",
    ]
    mail = sent.first()
    assert "version 1" in mail.subject
    [attachment] = mail.attachments
    assert attachment["filename"].endswith("-v1.html")
    assert attachment["content_type"].startswith("text/html")
    assert "Öppna värmestuga i Fisksätra." in attachment["content"]
    assert "Snöfall 20–30 cm väntas i natt." in mail.body
    # Approving again later sends the new version, not the old one twice.
    assert version.number == 1


def test_the_events_log_book_says_the_minutes_were_approved(written, user, snowstorm):
    approve(written, user)
    assert LogBookEntry.objects.filter(
        event=snowstorm, text__contains="godkända (version 1)"
    ).exists()


def test_only_the_host_or_rsib_approve(written, user):
    with pytest.raises(Exception) as refused:
        approve(written, user, by="rkk")
    assert refused.type.__name__ == "NotPermitted"
