import pytest
from django.core.exceptions import ValidationError

from samlad.core.errors import NotPermitted
from samlad.core.models import AppendOnlyError
from samlad.events import diff, selectors, services
from samlad.events.services.pictures import draft_for


def _publish(by, event, **fields):
    draft = draft_for(event)
    draft = services.save_picture_draft(by=by, event=event, revision=draft.revision, **fields)
    return services.publish_picture(by=by, event=event, revision=draft.revision)


def test_tib_publishes_numbered_versions_that_never_change(snowstorm, user):
    tib = user("tib")
    services.file_report(by=user("nacka.kontakt"), event=snowstorm, situation="Snö")
    first = _publish(
        tib,
        snowstorm,
        summary="Kraftigt snöfall väntas.",
        most_likely="Stora störningar i trafiken.",
    )
    second = _publish(tib, snowstorm, summary="Snöfallet har börjat.")
    assert (first.number, second.number) == (1, 2)
    assert first.based_on_reports.count() == 1
    first.summary = "Ändrad"
    with pytest.raises(AppendOnlyError):
        first.save()
    assert [v.number for v in selectors.picture_versions(snowstorm)] == [2, 1]
    announcement = selectors.log_entries(snowstorm)[0]
    assert announcement.kind == "information" and "2" in announcement.text


def test_the_second_of_two_editors_gets_a_conflict_showing_what_changed(snowstorm, user):
    opened = draft_for(snowstorm).revision
    services.save_picture_draft(
        by=user("tib"), event=snowstorm, revision=opened, summary="TiB:s sammanfattning"
    )
    with pytest.raises(services.DraftConflict) as conflict:
        services.save_picture_draft(
            by=user("rsib"), event=snowstorm, revision=opened, summary="RSIB:s sammanfattning"
        )
    assert conflict.value.changed == ["summary"]
    assert conflict.value.draft.summary == "TiB:s sammanfattning"
    assert draft_for(snowstorm).summary == "TiB:s sammanfattning"


def test_publishing_needs_a_summary(snowstorm, user):
    draft = draft_for(snowstorm)
    with pytest.raises(ValidationError):
        services.publish_picture(by=user("tib"), event=snowstorm, revision=draft.revision)


def test_only_tib_and_rsib_compile_the_picture(snowstorm, user):
    with pytest.raises(NotPermitted):
        services.save_picture_draft(
            by=user("nacka.kontakt"), event=snowstorm, revision=0, summary="X"
        )
    with pytest.raises(NotPermitted):
        services.save_picture_draft(by=user("rkk"), event=snowstorm, revision=0, summary="X")


def test_the_difference_between_two_versions_is_shown_word_by_word(snowstorm, user):
    tib = user("tib")
    first = _publish(tib, snowstorm, summary="Snöfall väntas i natt", worst_case="Elavbrott")
    second = _publish(tib, snowstorm, summary="Snöfall pågår i natt", worst_case="Elavbrott")
    changes = diff.compare(first, second)
    assert [c.field for c in changes] == ["summary"]
    ops = [(p.op, p.text) for p in changes[0].pieces]
    assert ("removed", "väntas") in ops and ("added", "pågår") in ops


def test_a_version_names_only_the_reports_behind_it_that_the_reader_may_see(snowstorm, user, actor):
    services.file_report(by=user("nacka.kontakt"), event=snowstorm, situation="Snö i Nacka")
    services.file_report(
        by=user("polisen.kontakt"),
        event=snowstorm,
        situation="Begränsat",
        classification="restricted",
        shared_with=[actor("lansstyrelsen")],
    )
    version = _publish(user("tib"), snowstorm, summary="Snöfall")
    behind = selectors.reports_behind
    assert [r.owner_actor.slug for r in behind(user("tib"), version)] == ["nacka", "polisen"]
    assert [r.owner_actor.slug for r in behind(user("nacka.kontakt"), version)] == ["nacka"]
