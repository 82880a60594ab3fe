import pytest
from django.core.exceptions import ValidationError

from samlad.core.errors import NotPermitted
from samlad.core.models import ConfidentialRead
from samlad.events import selectors, services


def test_a_new_report_supersedes_the_actors_previous_one_and_the_history_stays(
    snowstorm, user, actor
):
    first = services.file_report(
        by=user("nacka.kontakt"), event=snowstorm, situation="Snöfall, vägar framkomliga."
    )
    second = services.file_report(
        by=user("nacka.kontakt"),
        event=snowstorm,
        situation="Flera vägar blockerade.",
        needs="Förstärkning med snöröjning.",
    )
    assert second.version == 2
    assert [r.version for r in selectors.current_reports(user("tib"), snowstorm)] == [2]
    history = selectors.report_history(user("tib"), snowstorm, actor=actor("nacka"))
    assert [r.situation for r in history] == [
        "Flera vägar blockerade.",
        "Snöfall, vägar framkomliga.",
    ]
    first.refresh_from_db()
    assert not first.is_current


def test_a_restricted_report_is_seen_only_by_the_actors_it_names(snowstorm, user, actor):
    services.file_report(
        by=user("polisen.kontakt"),
        event=snowstorm,
        situation="Polisen förstärker i ytterområdena.",
        classification="restricted",
        shared_with=[actor("lansstyrelsen")],
    )
    assert [r.owner_actor.slug for r in selectors.current_reports(user("tib"), snowstorm)] == [
        "polisen"
    ]
    assert selectors.current_reports(user("nacka.kontakt"), snowstorm) == []


def test_a_confidential_report_needs_the_permission_and_its_reading_is_logged(
    snowstorm, user, actor
):
    services.file_report(
        by=user(
            "tib"
        ),  # the police's report as TiB records it (polisen.kontakt lacks the permission)
        for_actor=actor("polisen"),
        event=snowstorm,
        situation="Skyddsobjekt",
        classification="confidential",
        osl_reference="OSL 18 kap. 1 §",
        shared_with=[actor("lansstyrelsen")],
    )
    assert selectors.current_reports(user("rkk"), snowstorm) == []
    assert len(selectors.current_reports(user("tib"), snowstorm)) == 1
    assert ConfidentialRead.objects.filter(user=user("tib")).count() == 1


def test_a_confidential_report_without_its_secrecy_provision_is_refused(snowstorm, user):
    with pytest.raises(ValidationError) as error:
        services.file_report(
            by=user("polisen.kontakt"),
            event=snowstorm,
            situation="X",
            classification="confidential",
        )
    assert "osl_reference" in error.value.message_dict


def test_tib_records_an_actors_oral_report_but_a_contact_function_cannot(snowstorm, user, actor):
    report = services.file_report(
        by=user("tib"),
        event=snowstorm,
        for_actor=actor("varmdo"),
        situation="Muntlig rapport: strömavbrott på Ingarö.",
    )
    assert report.owner_actor.slug == "varmdo" and report.reported_by.username == "tib"
    with pytest.raises(NotPermitted):
        services.file_report(
            by=user("nacka.kontakt"), event=snowstorm, for_actor=actor("varmdo"), situation="X"
        )


def test_no_reports_into_a_closed_event(snowstorm, user):
    services.close_event(by=user("tib"), event=snowstorm)
    with pytest.raises(ValidationError):
        services.file_report(by=user("nacka.kontakt"), event=snowstorm, situation="Sent")
