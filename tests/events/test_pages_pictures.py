"""The picture editor, published versions, the short version, print and compare pages."""

import pytest
from django.urls import reverse

from samlad.events import services
from samlad.events.models import PictureVersion
from samlad.events.services.pictures import draft_for


def editor_of(event) -> str:
    return reverse("events:picture_editor", args=[event.public_id])


def draft_post(revision, **fields):
    data = {
        "summary": "",
        "analysis": "",
        "most_likely": "",
        "worst_case": "",
        "coordination_needs": "",
        "communication_needs": "",
        "short_version": "",
        "next_update_at": "",
        "revision": revision,
    }
    return data | fields


def publish(by, event, **fields):
    draft = draft_for(event)
    draft = services.save_picture_draft(by=by, event=event, revision=draft.revision, **fields)
    return services.publish_picture(by=by, event=event, revision=draft.revision)


def test_the_editor_shows_the_draft_beside_the_actors_reports(client_for, snowstorm, user):
    services.file_report(by=user("nacka.kontakt"), event=snowstorm, situation="Vägar blockerade")
    page = client_for("tib").get(editor_of(snowstorm)).content.decode()
    assert "Vägar blockerade" in page and "Spara utkast" in page and "Publicera" in page
    assert 'name="revision"' in page


def test_only_tib_and_rsib_open_the_editor(client_for, snowstorm, restricted_event):
    assert client_for("rsib").get(editor_of(snowstorm)).status_code == 200
    assert client_for("nacka.kontakt").get(editor_of(snowstorm)).status_code == 403
    assert (
        client_for("rkk").post(editor_of(snowstorm), draft_post(0, summary="X")).status_code == 403
    )
    assert client_for("tib").get(editor_of(restricted_event)).status_code == 404


def test_tib_saves_the_draft_and_the_editor_shows_it_again(client_for, snowstorm):
    client = client_for("tib")
    response = client.post(
        editor_of(snowstorm),
        draft_post(0, summary="Kraftigt snöfall", next_update_at="2026-01-10T16:00"),
    )
    assert response.status_code == 302
    draft = draft_for(snowstorm)
    assert draft.summary == "Kraftigt snöfall" and draft.revision == 1
    page = client.get(editor_of(snowstorm)).content.decode()
    assert "Kraftigt snöfall" in page and 'value="2026-01-10T16:00"' in page


def test_the_second_editor_sees_both_texts_and_keeps_their_own(client_for, snowstorm):
    client_for("tib").post(editor_of(snowstorm), draft_post(0, summary="TiB skrev detta"))
    response = client_for("rsib").post(
        editor_of(snowstorm), draft_post(0, summary="RSIB skrev detta", analysis="Analys")
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "sparade utkastet kl" in page and "medan du redigerade" in page
    assert "TiB skrev detta" in page and "RSIB skrev detta" in page
    assert response.context["form"]["summary"].value() == "RSIB skrev detta"
    assert response.context["form"]["revision"].value() == 1
    assert draft_for(snowstorm).summary == "TiB skrev detta"
    # Having seen the other text, the second editor's next save goes through.
    again = client_for("rsib").post(
        editor_of(snowstorm), draft_post(1, summary="RSIB skrev detta", analysis="Analys")
    )
    assert again.status_code == 302
    assert draft_for(snowstorm).summary == "RSIB skrev detta"


def test_publish_saves_the_text_and_publishes_version_one(client_for, snowstorm, user):
    services.file_report(by=user("nacka.kontakt"), event=snowstorm, situation="Snö")
    client = client_for("tib")
    response = client.post(
        editor_of(snowstorm),
        draft_post(0, summary="Snöfall i hela länet", short_version="Följ SMHI:s råd", publish="1"),
    )
    version = PictureVersion.objects.get(event=snowstorm)
    assert version.number == 1 and version.summary == "Snöfall i hela länet"
    assert response["Location"] == reverse("events:picture_version", args=[snowstorm.public_id, 1])
    page = client.get(reverse("events:detail", args=[snowstorm.public_id])).content.decode()
    assert "Version 1" in page and "Snöfall i hela länet" in page


def test_publishing_without_a_summary_keeps_the_draft_and_says_why(client_for, snowstorm):
    client = client_for("tib")
    response = client.post(
        editor_of(snowstorm), draft_post(0, analysis="Bara analys", publish="1"), follow=True
    )
    assert response.status_code == 200
    assert "Skriv en sammanfattning innan du publicerar." in response.content.decode()
    assert not PictureVersion.objects.filter(event=snowstorm).exists()
    assert draft_for(snowstorm).analysis == "Bara analys"


def test_a_version_page_shows_every_section_and_all_versions(client_for, snowstorm, user):
    publish(user("tib"), snowstorm, summary="Första", worst_case="Elavbrott", short_version="Kort")
    publish(user("tib"), snowstorm, summary="Andra")
    page = (
        client_for("nacka.kontakt")
        .get(reverse("events:picture_version", args=[snowstorm.public_id, 1]))
        .content.decode()
    )
    assert "Första" in page and "Elavbrott" in page and "Kort" in page
    assert reverse("events:picture_version", args=[snowstorm.public_id, 2]) in page
    assert (
        client_for("nacka.kontakt")
        .get(reverse("events:picture_version", args=[snowstorm.public_id, 3]))
        .status_code
        == 404
    )


def test_the_short_version_shows_only_what_communicators_may_pass_on(client_for, snowstorm, user):
    publish(
        user("tib"),
        snowstorm,
        summary="Intern sammanfattning",
        analysis="Intern analys",
        short_version="Snöoväder: undvik onödiga resor.",
    )
    page = (
        client_for("rkk")
        .get(reverse("events:picture_short", args=[snowstorm.public_id, 1]))
        .content.decode()
    )
    assert "Snöoväder: undvik onödiga resor." in page and "Snöoväder Stockholms län" in page
    assert "Intern sammanfattning" not in page and "Intern analys" not in page


def test_the_compare_page_shows_added_and_removed_words(client_for, snowstorm, user):
    publish(user("tib"), snowstorm, summary="Snöfall väntas i natt")
    publish(user("tib"), snowstorm, summary="Snöfall pågår i natt")
    url = reverse("events:picture_compare", args=[snowstorm.public_id])
    page = client_for("nacka.kontakt").get(url, {"fran": 1, "till": 2}).content.decode()
    assert "<del>väntas</del>" in page and "<ins>pågår</ins>" in page
    bad = client_for("nacka.kontakt").get(url, {"fran": "x", "till": 9})
    assert bad.status_code == 200 and bad.context["form"].errors


def test_the_print_layout_is_marked_and_lists_the_reports_it_is_based_on(
    client_for, user, actor, event_type
):
    event = services.create_event(
        by=user("tib"),
        title="Skogsbrand Tyresta",
        event_type=event_type("skogsbrand"),
        is_exercise=True,
        classification="restricted",
        shared_with=[actor("sbff")],
    )
    services.file_report(by=user("sbff.kontakt"), event=event, situation="Branden sprider sig")
    publish(user("tib"), event, summary="Branden växer", next_update_at=None)
    response = client_for("sbff.kontakt").get(
        reverse("events:picture_print", args=[event.public_id, 1])
    )
    page = response.content.decode()
    assert page.count("BEGRÄNSAD") == 2 and page.count('class="marking') == 2
    assert "ÖVNING" in page and "Branden växer" in page
    assert "Södertörns brandförsvarsförbund" in page
    assert "site-header" not in page and "<nav" not in page


@pytest.mark.parametrize("suffix", ["", "kort/", "utskrift/"])
def test_versions_of_an_invisible_event_are_not_found(client_for, user, event_type, suffix):
    event = services.create_event(
        by=user("tib"), title="Intern", event_type=event_type(), classification="restricted"
    )
    publish(user("tib"), event, summary="Bara för Länsstyrelsen")
    url = reverse("events:picture_version", args=[event.public_id, 1]) + suffix
    assert client_for("rkk").get(url).status_code == 200
    assert client_for("nacka.kontakt").get(url).status_code == 404


def test_the_editor_warns_live_when_someone_else_saves_the_draft(client_for, snowstorm, user):
    client = client_for("rsib")
    page = client.get(editor_of(snowstorm)).content.decode()
    assert 'hx-trigger="sse:draft"' in page and 'hx-trigger="sse:report"' in page
    services.save_picture_draft(by=user("tib"), event=snowstorm, revision=0, summary="TiB")
    status = client.get(editor_of(snowstorm), {"partial": "draft_status", "revision": 0})
    assert "Någon har sparat utkastet sedan du öppnade det." in status.content.decode()
    mine = client.get(editor_of(snowstorm), {"partial": "draft_status", "revision": 1})
    assert "Någon har sparat" not in mine.content.decode()
