"""The notices API: list, publish, correct, withdraw, CAP per notice, CAP import with every bad
input answered by a problem document, my notification settings, and the OpenAPI schema."""

import pytest
from noticekit import cap_alert, reached, valid_cap
from rest_framework.test import APIClient

from samlad.notices.models import Notice
from samlad.notices.services.notices import publish_notice


@pytest.fixture
def api(user):
    def make(username: str) -> APIClient:
        client = APIClient()
        client.force_authenticate(user(username))
        return client

    return make


@pytest.fixture
def restricted(user, actor, category):
    return publish_notice(
        by=user("polisen.kontakt"),
        headline="Hot mot vattenverk",
        text="Förstärkt bevakning.",
        category=category("sakerhet"),
        classification="restricted",
        shared_with=[actor("stockholm")],
    )


def test_publishing_correcting_and_withdrawing_through_the_api(api):
    client = api("nacka.kontakt")
    created = client.post(
        "/api/v1/notices/",
        {
            "headline": "Översvämning vid Järlasjön",
            "text": "Gång- och cykelväg avstängd.",
            "category": "miljo",
            "municipalities": ["nacka"],
            "headline_en": "Flooding at Järlasjön",
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    notice_id = created.json()["id"]
    notice = Notice.objects.get(public_id=notice_id)
    assert "tib" in reached(notice, channel="email")
    corrected = client.post(
        f"/api/v1/notices/{notice_id}/correct/",
        {"text": "Även bilvägen avstängd.", "change_note": "Bilvägen tillagd."},
        format="json",
    )
    assert corrected.status_code == 200 and corrected.json()["version"] == 2
    withdrawn = client.post(f"/api/v1/notices/{notice_id}/withdraw/", {"reason": "Klart"})
    assert withdrawn.json()["status"] == "withdrawn"
    assert [v["msg_type"] for v in withdrawn.json()["versions"]] == ["Cancel", "Update", "Alert"]
    cap = client.get(f"/api/v1/notices/{notice_id}/cap.xml")
    valid_cap(cap.content)
    first = client.get(f"/api/v1/notices/{notice_id}/cap.xml?version=1")
    assert b"<msgType>Alert</msgType>" in first.content


def test_bad_input_is_a_problem_document(api):
    response = api("nacka.kontakt").post(
        "/api/v1/notices/", {"headline": "", "category": "finns-inte"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["status"] == 400 and response.json()["title"] == "Bad Request"
    assert {"headline", "text", "category"} <= set(response.json()["errors"])


def test_a_notice_about_an_event_i_cannot_see_is_refused_like_a_missing_one(api, user):
    from samlad.events import services
    from samlad.events.models import EventType

    hidden = services.create_event(
        by=user("polisen.kontakt"),
        title="Skyddsobjekt",
        event_type=EventType.objects.get(slug="allvarlig-vald"),
        classification="restricted",
    )
    body = {"headline": "x", "text": "y", "category": "ovrigt"}
    hidden_answer = api("nacka.kontakt").post(
        "/api/v1/notices/", body | {"event": str(hidden.public_id)}, format="json"
    )
    missing = api("nacka.kontakt").post(
        "/api/v1/notices/",
        body | {"event": "00000000-0000-0000-0000-000000000000"},
        format="json",
    )
    assert hidden_answer.status_code == missing.status_code == 400
    assert hidden_answer.json()["errors"] == missing.json()["errors"]


def test_the_list_never_shows_another_actors_restricted_notice(api, restricted):
    nacka = api("nacka.kontakt").get("/api/v1/notices/").json()["results"]
    assert restricted.headline not in [n["headline"] for n in nacka]
    stockholm = api("stockholm.kontakt").get("/api/v1/notices/?category=sakerhet").json()
    assert [n["headline"] for n in stockholm["results"]] == [restricted.headline]
    assert api("nacka.kontakt").get(f"/api/v1/notices/{restricted.public_id}/").status_code == 404
    cap = api("nacka.kontakt").get(f"/api/v1/notices/{restricted.public_id}/cap.xml")
    assert cap.status_code == 404


def test_another_actor_cannot_correct_or_withdraw(api, restricted):
    client = api("stockholm.kontakt")
    url = f"/api/v1/notices/{restricted.public_id}/"
    assert client.post(url + "correct/", {"text": "x", "change_note": "y"}).status_code == 403
    assert client.post(url + "withdraw/", {}).status_code == 403


def test_importing_a_cap_alert_through_the_api(api):
    client = api("tib")
    first = client.post(
        "/api/v1/cap/import/",
        cap_alert("smhi_snow_alert.xml"),
        content_type="application/cap+xml",
    )
    assert first.status_code == 201 and first.json()["created"]
    again = client.post(
        "/api/v1/cap/import/", cap_alert("smhi_snow_alert.xml"), content_type="application/xml"
    )
    assert again.status_code == 200 and not again.json()["created"]
    update = client.post(
        "/api/v1/cap/import/", cap_alert("smhi_snow_update.xml"), content_type="text/xml"
    )
    assert update.json()["notice"]["version"] == 2


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("malformed.xml", 400),
        ("billion_laughs.xml", 400),
        ("external_entity.xml", 400),
        ("schema_invalid.xml", 422),
        ("unknown_reference.xml", 422),
    ],
)
def test_bad_alerts_through_the_api_get_a_problem_with_the_reason(api, name, status):
    response = api("tib").post(
        "/api/v1/cap/import/", cap_alert(name), content_type="application/cap+xml"
    )
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"]
    assert not Notice.objects.exists()


def test_an_empty_import_is_a_bad_request(api):
    response = api("tib").post("/api/v1/cap/import/", b"", content_type="application/cap+xml")
    assert response.status_code == 400


def test_importing_by_multipart_upload(api):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("alert.xml", cap_alert("smhi_snow_alert.xml"))
    response = api("tib").post("/api/v1/cap/import/", {"file": upload}, format="multipart")
    assert response.status_code == 201


def test_my_notification_settings(api, category):
    client = api("nacka.kontakt")
    mine = client.get("/api/v1/me/notification-settings/").json()
    assert mine["email"]["enabled"] and mine["sms"]["categories"] == [
        "samhallsviktig-verksamhet",
        "vadervarning",
    ]
    changed = client.put(
        "/api/v1/me/notification-settings/",
        {"sms": {"enabled": False}, "email": {"enabled": True, "timing": "digest"}},
        format="json",
    )
    assert changed.status_code == 200
    assert not changed.json()["sms"]["enabled"] and changed.json()["email"]["timing"] == "digest"


def test_sms_without_a_mobile_number_is_refused(api, user):
    person = user("nacka.kontakt")
    person.phone = ""
    person.save(update_fields=["phone"])
    response = api("nacka.kontakt").put(
        "/api/v1/me/notification-settings/", {"sms": {"enabled": True}}, format="json"
    )
    assert response.status_code == 400 and "enabled" in response.json()["errors"]


def test_the_categories(api):
    slugs = [c["slug"] for c in api("nacka.kontakt").get("/api/v1/notice-categories/").json()]
    assert "vadervarning" in slugs


def test_signed_out_callers_get_nothing():
    client = APIClient()
    assert client.get("/api/v1/notices/").status_code in (401, 403)
    assert client.post("/api/v1/cap/import/", b"<x/>", content_type="text/xml").status_code in (
        401,
        403,
    )


def test_the_openapi_schema_documents_the_notices_api(client_for):
    schema = client_for("nacka.kontakt").get("/api/schema/?format=json").json()
    for path in [
        "/api/v1/notices/",
        "/api/v1/notices/{public_id}/correct/",
        "/api/v1/notices/{public_id}/withdraw/",
        "/api/v1/notices/{public_id}/cap.xml",
        "/api/v1/cap/import/",
        "/api/v1/webhooks/",
        "/api/v1/webhooks/{public_id}/deliveries/",
        "/api/v1/me/notification-settings/",
    ]:
        assert path in schema["paths"], path
