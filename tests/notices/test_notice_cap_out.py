"""Every notice is a valid CAP 1.2 alert: each variant below is validated against OASIS's schema."""

import pytest
from django.utils import timezone
from noticekit import cap_text, valid_cap

from samlad.notices.models import NoticeRevision
from samlad.notices.services.notices import correct_notice, publish_notice, withdraw_notice


def all_alerts_of(notice) -> list:
    return [
        valid_cap(r.cap_xml)
        for r in NoticeRevision.objects.filter(notice=notice).order_by("number")
    ]


@pytest.fixture
def notice(user, category, actor):
    return publish_notice(
        by=user("tib"),
        headline="Kraftigt snöfall väntas",
        text="20–30 cm snö i östra länet.",
        category=category("vadervarning"),
        municipalities=[actor("nacka"), actor("varmdo")],
    )


def test_a_published_notice_is_an_actual_public_alert_with_municipality_geocodes(notice):
    (alert,) = all_alerts_of(notice)
    assert cap_text(alert, "cap:status") == ["Actual"]
    assert cap_text(alert, "cap:msgType") == ["Alert"]
    assert cap_text(alert, "cap:scope") == ["Public"]
    assert cap_text(alert, "cap:info/cap:language") == ["sv-SE"]
    assert cap_text(alert, "cap:info/cap:category") == ["Met"]
    assert cap_text(alert, "cap:info/cap:area/cap:areaDesc") == ["Värmdö kommun", "Nacka kommun"]
    assert cap_text(alert, "cap:info/cap:area/cap:geocode/cap:value") == ["0120", "0182"]
    assert cap_text(alert, "cap:info/cap:area/cap:geocode/cap:valueName") == ["Kommunkod"] * 2
    assert cap_text(alert, "cap:sender") == ["samlad@127.0.0.1"]


def test_the_identifier_is_stable_and_the_xml_the_same_every_time(client_for, notice):
    client = client_for("nacka.kontakt")
    url = f"/api/v1/notices/{notice.public_id}/cap.xml"
    first, second = client.get(url), client.get(url)
    assert first.status_code == 200 and first["Content-Type"].startswith("application/cap+xml")
    assert first.content == second.content
    assert cap_text(valid_cap(first.content), "cap:identifier") == [
        f"samlad.notice.{notice.public_id}.1"
    ]


def test_a_correction_is_an_update_referring_to_the_original(user, notice):
    correct_notice(by=user("tib"), notice=notice, text="30–40 cm.", change_note="Mer snö.")
    original, update = all_alerts_of(notice)
    assert cap_text(update, "cap:msgType") == ["Update"]
    reference = ",".join(
        cap_text(original, "cap:sender")
        + cap_text(original, "cap:identifier")
        + cap_text(original, "cap:sent")
    )
    assert cap_text(update, "cap:references") == [reference]
    assert cap_text(update, "cap:note") == ["Mer snö."]


def test_a_withdrawal_is_a_cancel_referring_to_every_earlier_version(user, notice):
    correct_notice(by=user("tib"), notice=notice, text="30–40 cm.", change_note="Mer snö.")
    withdraw_notice(by=user("tib"), notice=notice, reason="Hävd.")
    original, update, cancel = all_alerts_of(notice)
    assert cap_text(cancel, "cap:msgType") == ["Cancel"]
    assert len(cap_text(cancel, "cap:references")[0].split()) == 2


def test_a_restricted_exercise_notice_in_two_languages(user, actor, category):
    notice = publish_notice(
        by=user("polisen.kontakt"),
        headline="Avspärrning vid Arlanda",
        text="Övningsmoment.",
        headline_en="Cordon at Arlanda",
        text_en="Exercise inject.",
        category=category("sakerhet"),
        classification="restricted",
        shared_with=[actor("sigtuna"), actor("lansstyrelsen")],
        is_exercise=True,
        valid_from=timezone.now(),
        valid_until=timezone.now() + timezone.timedelta(hours=6),
    )
    (alert,) = all_alerts_of(notice)
    assert cap_text(alert, "cap:status") == ["Exercise"]
    assert cap_text(alert, "cap:scope") == ["Restricted"]
    restriction = cap_text(alert, "cap:restriction")[0]
    assert "Polismyndigheten" in restriction and "Sigtuna kommun" in restriction
    assert cap_text(alert, "cap:info/cap:language") == ["sv-SE", "en-US"]
    assert cap_text(alert, "cap:info/cap:headline") == [
        "ÖVNING: Avspärrning vid Arlanda",
        "EXERCISE: Cordon at Arlanda",
    ]
    assert len(cap_text(alert, "cap:info/cap:expires")) == 2


def test_a_notice_without_municipalities_covers_the_county(user, category):
    notice = publish_notice(by=user("tib"), headline="Info", text="Text", category=category())
    (alert,) = all_alerts_of(notice)
    assert cap_text(alert, "cap:info/cap:area/cap:areaDesc") == ["Stockholms län"]
    assert cap_text(alert, "cap:info/cap:area/cap:geocode/cap:value") == ["01"]


def test_a_notice_about_an_event_covers_its_affected_municipalities(user, category, snowstorm):
    notice = publish_notice(
        by=user("tib"), headline="Snö", text="Text", category=category(), event=snowstorm
    )
    (alert,) = all_alerts_of(notice)
    assert cap_text(alert, "cap:info/cap:area/cap:geocode/cap:value") == ["0120", "0182"]
