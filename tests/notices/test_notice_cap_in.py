"""CAP 1.2 alerts in: an SMHI snow warning becomes an external notice once; its update and cancel
follow their references; every kind of bad input is refused with the reason, leaving nothing."""

import pytest
from noticekit import cap_alert, deliveries, valid_cap

from samlad.core.models import LogEntry
from samlad.notices.cap.parse import ImportRefused
from samlad.notices.models import Notice, NoticeRevision
from samlad.notices.services.cap_import import import_cap


@pytest.fixture
def imported(user):
    return import_cap(by=user("tib"), data=cap_alert("smhi_snow_alert.xml"))


def test_a_snow_warning_becomes_an_external_notice(imported, actor):
    notice = imported.notice
    assert imported.created and notice.is_external
    assert notice.headline == "Klass 2-varning: Mycket snö, Stockholms län"
    assert notice.headline_en == "Class 2 warning: heavy snow, Stockholm County"
    assert notice.external_sender_name == "SMHI"
    assert notice.category.slug == "vadervarning"
    assert notice.severity == "Severe" and notice.classification == "open"
    assert {m.slug for m in notice.municipalities.all()} == {"nacka", "varmdo", "haninge"}
    assert notice.owner_actor == actor("lansstyrelsen")
    # It reaches those who chose weather warnings, as any notice does.
    assert deliveries(notice).filter(recipient_user__username="nacka.kontakt").exists()
    valid_cap(imported.revision.cap_xml)


def test_the_same_alert_twice_is_imported_once(user, imported):
    # Once per importing actor: another actor's import is its own (test_notice_cap_ownership).
    again = import_cap(by=user("rsib"), data=cap_alert("smhi_snow_alert.xml"))
    assert not again.created and again.notice == imported.notice
    assert Notice.objects.filter(is_external=True).count() == 1


def test_an_update_changes_the_notice_its_reference_names(user, imported):
    result = import_cap(by=user("tib"), data=cap_alert("smhi_snow_update.xml"))
    notice = result.notice
    assert notice == imported.notice and notice.version == 2
    assert "25–40 cm" in notice.text
    assert "sodertalje" in {m.slug for m in notice.municipalities.all()}
    assert result.revision.change_note == "Snömängderna uppjusterade och Södertälje tillagt."
    # Everyone who got the warning gets the update.
    assert set(deliveries(notice, version=2).values_list("recipient_user", flat=True)) == set(
        deliveries(notice, version=1).values_list("recipient_user", flat=True)
    )


def test_a_cancel_withdraws_it(user, imported):
    import_cap(by=user("tib"), data=cap_alert("smhi_snow_update.xml"))
    result = import_cap(by=user("tib"), data=cap_alert("smhi_snow_cancel.xml"))
    assert result.notice.is_withdrawn and result.notice.version == 3
    assert result.revision.msg_type == "Cancel"


BAD = [
    ("malformed.xml", 400, "inte välformad XML"),
    ("billion_laughs.xml", 400, "DTD"),
    ("external_entity.xml", 400, "DTD"),
    ("schema_invalid.xml", 422, "följer inte CAP 1.2-schemat"),
    (
        "unknown_reference.xml",
        422,
        "inte känner till: varningar@smhi.se,SE-SMHI-WARN-20251201-0001",
    ),
]


@pytest.mark.parametrize(("name", "status", "reason"), BAD)
def test_bad_alerts_are_refused_with_the_reason_and_leave_nothing(user, name, status, reason):
    before = (Notice.objects.count(), NoticeRevision.objects.count(), LogEntry.objects.count())
    with pytest.raises(ImportRefused) as refusal:
        import_cap(by=user("tib"), data=cap_alert(name))
    assert refusal.value.status == status and reason in refusal.value.reason
    after = (Notice.objects.count(), NoticeRevision.objects.count(), LogEntry.objects.count())
    assert after == before


def test_an_alert_that_is_not_xml_at_all(user):
    with pytest.raises(ImportRefused) as refusal:
        import_cap(by=user("tib"), data=b"\x00\xff not xml")
    assert refusal.value.status == 400


def test_an_update_of_a_samlad_notice_is_refused(user, category):
    from samlad.notices.services.notices import publish_notice

    own = publish_notice(by=user("tib"), headline="Egen", text="Text", category=category())
    revision = own.revisions.get()
    update = (
        cap_alert("unknown_reference.xml")
        .decode()
        .replace(
            "varningar@smhi.se,SE-SMHI-WARN-20251201-0001,2025-12-01T06:00:00+01:00",
            revision.cap_reference,
        )
    )
    with pytest.raises(ImportRefused) as refusal:
        import_cap(by=user("nacka.kontakt"), data=update.encode())
    assert refusal.value.status == 409
    own.refresh_from_db()
    assert own.version == 1


def test_test_alerts_are_not_imported(user):
    data = cap_alert("smhi_snow_alert.xml").replace(b"<status>Actual", b"<status>Test")
    with pytest.raises(ImportRefused) as refusal:
        import_cap(by=user("tib"), data=data)
    assert "Test" in refusal.value.reason


def test_an_exercise_alert_becomes_an_exercise_notice(user):
    data = cap_alert("smhi_snow_alert.xml").replace(b"<status>Actual", b"<status>Exercise")
    assert import_cap(by=user("tib"), data=data).notice.is_exercise
