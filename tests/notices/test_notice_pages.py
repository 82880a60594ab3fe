"""The notice pages: publishing, the list and its filters, a notice's page, correcting,
withdrawing, following an event, the CAP upload and turning a warning into an event."""

import pytest
from noticekit import cap_alert, reached

from samlad.notices.models import Notice
from samlad.notices.services.notices import publish_notice


@pytest.fixture
def police_notice(user, actor, category):
    return publish_notice(
        by=user("polisen.kontakt"),
        headline="Avspärrning Sergels torg",
        text="Polisen spärrar av Sergels torg under kvällen.",
        category=category("sakerhet"),
        classification="restricted",
        shared_with=[actor("stockholm")],
    )


@pytest.fixture
def open_notice(user, category):
    return publish_notice(
        by=user("tib"), headline="Kraftigt snöfall", text="20 cm i natt.", category=category()
    )


def test_publishing_from_the_page_reaches_people(client_for, category):
    client = client_for("nacka.kontakt")
    assert client.get("/underrattelser/ny/").status_code == 200
    response = client.post(
        "/underrattelser/ny/",
        {
            "headline": "Vattenläcka i Sickla",
            "text": "Vattnet är avstängt i Sickla till kl 18.",
            "category": category("samhallsviktig-verksamhet").pk,
            "classification": "open",
        },
    )
    notice = Notice.objects.get(headline="Vattenläcka i Sickla")
    assert response.status_code == 302 and response["Location"].endswith(
        f"/underrattelser/{notice.public_id}/"
    )
    assert notice.owner_actor.slug == "nacka"
    assert "tib" in reached(notice, channel="email")


def test_a_form_error_keeps_what_was_written(client_for, category):
    response = client_for("nacka.kontakt").post(
        "/underrattelser/ny/",
        {
            "headline": "Vattenläcka",
            "text": "",
            "category": category().pk,
            "classification": "open",
        },
    )
    assert response.status_code == 200
    assert "Vattenläcka" in response.content.decode()
    assert not Notice.objects.filter(headline="Vattenläcka").exists()


def test_the_list_shows_newest_first_and_never_another_actors_restricted_notice(
    client_for, police_notice, open_notice
):
    nacka = client_for("nacka.kontakt").get("/underrattelser/").content.decode()
    assert "Kraftigt snöfall" in nacka and "Sergels torg" not in nacka
    stockholm = client_for("stockholm.kontakt").get("/underrattelser/").content.decode()
    assert stockholm.index("Kraftigt snöfall") < stockholm.index("Sergels torg")


def test_the_list_filters_by_category_actor_and_event(
    client_for, police_notice, open_notice, user, category, snowstorm
):
    about_event = publish_notice(
        by=user("tib"), headline="Plogning pågår", text="Text", category=category(), event=snowstorm
    )
    client = client_for("stockholm.kontakt")
    by_category = client.get("/underrattelser/?kategori=sakerhet").content.decode()
    assert "Sergels torg" in by_category and "Kraftigt snöfall" not in by_category
    by_actor = client.get("/underrattelser/?aktor=lansstyrelsen").content.decode()
    assert "Kraftigt snöfall" in by_actor and "Sergels torg" not in by_actor
    by_event = client.get(f"/underrattelser/?handelse={snowstorm.public_id}").content.decode()
    assert about_event.headline in by_event and "Kraftigt snöfall" not in by_event


def test_a_restricted_notice_is_not_found_for_another_actor(client_for, police_notice):
    url = f"/underrattelser/{police_notice.public_id}/"
    assert client_for("nacka.kontakt").get(url).status_code == 404
    assert client_for("stockholm.kontakt").get(url).status_code == 200
    assert client_for("nacka.kontakt").get(url + "rattelse/").status_code == 404


def test_correcting_and_withdrawing_from_the_pages(client_for, open_notice):
    client = client_for("tib")
    page = client.get(f"/underrattelser/{open_notice.public_id}/").content.decode()
    assert "Rätta" in page and "Återkalla" in page
    response = client.post(
        f"/underrattelser/{open_notice.public_id}/rattelse/",
        {
            "headline": "Kraftigt snöfall",
            "text": "30 cm i natt.",
            "category": open_notice.category_id,
            "change_note": "Mer snö väntas.",
        },
    )
    assert response.status_code == 302
    open_notice.refresh_from_db()
    assert open_notice.version == 2 and open_notice.text == "30 cm i natt."
    client.post(f"/underrattelser/{open_notice.public_id}/aterkalla/", {"reason": "Hävd"})
    open_notice.refresh_from_db()
    assert open_notice.is_withdrawn
    page = client.get(f"/underrattelser/{open_notice.public_id}/").content.decode()
    assert "Mer snö väntas." in page and "återkallad" in page.lower()


def test_another_actor_cannot_correct(client_for, open_notice):
    client = client_for("nacka.kontakt")
    assert client.get(f"/underrattelser/{open_notice.public_id}/rattelse/").status_code == 403
    response = client.post(f"/underrattelser/{open_notice.public_id}/aterkalla/", {})
    assert response.status_code == 403


def test_following_an_event_from_a_notice_page(client_for, user, category, snowstorm):
    notice = publish_notice(
        by=user("tib"), headline="Plogning", text="Text", category=category(), event=snowstorm
    )
    client = client_for("nacka.kontakt")
    url = f"/underrattelser/{notice.public_id}/"
    assert "Följ händelsen" in client.get(url).content.decode()
    client.post(f"/underrattelser/handelser/{snowstorm.public_id}/folj/", {"next": url})
    assert "Sluta följa händelsen" in client.get(url).content.decode()
    settings_page = client.get("/underrattelser/installningar/").content.decode()
    assert snowstorm.title in settings_page


def test_uploading_a_cap_alert(client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for("tib")
    upload = SimpleUploadedFile("varning.xml", cap_alert("smhi_snow_alert.xml"))
    response = client.post("/underrattelser/cap/importera/", {"file": upload})
    notice = Notice.objects.get(is_external=True)
    assert response.status_code == 302 and str(notice.public_id) in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert "Klass 2-varning" in page and "SMHI" in page


def test_a_bomb_upload_is_refused_on_the_form(client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("bomb.xml", cap_alert("billion_laughs.xml"))
    response = client_for("tib").post("/underrattelser/cap/importera/", {"file": upload})
    assert response.status_code == 400
    assert "DTD" in response.content.decode()
    assert not Notice.objects.exists()


def test_a_snow_warning_becomes_an_activated_event(client_for, user):
    from samlad.notices.services.cap_import import import_cap

    notice = import_cap(by=user("tib"), data=cap_alert("smhi_snow_alert.xml")).notice
    client = client_for("tib")
    form = client.get(f"/underrattelser/{notice.public_id}/till-handelse/")
    initial = form.context["form"].initial
    assert initial["title"] == notice.headline and initial["mode"] == "activated"
    assert len(initial["affected_actors"]) == 3
    data = {
        "title": initial["title"],
        "description": initial["description"],
        "event_type": initial["event_type"],
        "mode": "activated",
        "affected_actors": initial["affected_actors"],
        "starts_at": "2026-01-14T18:00",
        "classification": "open",
    }
    response = client.post(f"/underrattelser/{notice.public_id}/till-handelse/", data)
    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.event is not None and notice.event.mode == "activated"
    assert notice.event.event_type.slug == "svart-vader"
    assert {a.slug for a in notice.event.affected_actors.all()} == {"nacka", "varmdo", "haninge"}


def test_the_notices_section_is_in_the_navigation(client_for):
    page = client_for("nacka.kontakt").get("/").content.decode()
    assert 'href="/underrattelser/"' in page


def test_platform_administrators_edit_the_categories_and_feeds_in_the_admin(client_for):
    client = client_for("kansli")
    assert client.get("/admin/notices/category/").status_code == 200
    response = client.post(
        "/admin/notices/feedsource/add/",
        {"name": "Intern", "url": "https://10.0.0.1/feed", "poll_seconds": 300},
    )
    assert response.status_code == 200 and "10.0.0.1" in response.content.decode()
