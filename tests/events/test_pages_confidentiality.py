"""Confidentiality on every page: the contact function of Nacka never sees a report the Police
restricted to the county board, wherever such a report could surface."""

import pytest
from django.urls import reverse

from samlad.core.models import ConfidentialRead
from samlad.events import services
from samlad.events.services.pictures import draft_for

SECRET = "Polisen förstärker kring skyddsobjekt Alfa"
PARTIALS = ["header", "picture", "reports", "log"]


@pytest.fixture
def police_report(snowstorm, user, actor):
    """Police's report into the open snowstorm event, restricted to Länsstyrelsen; then TiB
    publishes a picture based on it, and writes an open log entry."""
    report = services.file_report(
        by=user("polisen.kontakt"),
        event=snowstorm,
        situation=SECRET,
        classification="restricted",
        shared_with=[actor("lansstyrelsen")],
    )
    services.file_report(by=user("nacka.kontakt"), event=snowstorm, situation="Snö i Nacka")
    tib = user("tib")
    draft = services.save_picture_draft(
        by=tib, event=snowstorm, revision=draft_for(snowstorm).revision, summary="Läget"
    )
    services.publish_picture(by=tib, event=snowstorm, revision=draft.revision)
    return report


def urls(event, actor):
    detail = reverse("events:detail", args=[event.public_id])
    return [
        detail,
        f"{detail}?partial=reports",
        f"{detail}?partial=log",
        f"{detail}?partial=picture",
        reverse("events:picture_version", args=[event.public_id, 1]),
        reverse("events:picture_print", args=[event.public_id, 1]),
        reverse("events:picture_short", args=[event.public_id, 1]),
        reverse("events:report_history", args=[event.public_id, actor("polisen").public_id]),
        reverse("events:search") + "?q=skyddsobjekt",
        reverse("events:search") + "?q=polisen",
    ]


def test_nacka_never_sees_the_polices_restricted_report(
    client_for, snowstorm, police_report, actor
):
    client = client_for("nacka.kontakt")
    for url in urls(snowstorm, actor):
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert SECRET not in page, url
    print_page = client.get(urls(snowstorm, actor)[5]).content.decode()
    assert "Nacka kommun" in print_page and "Polismyndigheten" not in print_page


def test_the_county_board_sees_it_everywhere_it_belongs(
    client_for, snowstorm, police_report, actor
):
    client = client_for("tib")
    for url in urls(snowstorm, actor)[:2] + [urls(snowstorm, actor)[7]]:
        assert SECRET in client.get(url).content.decode(), url
    editor = reverse("events:picture_editor", args=[snowstorm.public_id])
    assert SECRET in client.get(editor).content.decode()
    assert "Polismyndigheten" in client.get(urls(snowstorm, actor)[5]).content.decode()


def test_the_report_form_is_never_prefilled_with_a_report_the_user_may_not_read(
    client_for, snowstorm, user, actor
):
    services.file_report(
        by=user("tib"),
        event=snowstorm,
        situation="Sekretessbelagt läge",
        classification="confidential",
        osl_reference="OSL 18 kap. 13 §",
        shared_with=[actor("lansstyrelsen")],
    )
    client = client_for("rkk")  # Länsstyrelsen, without the confidential permission
    page = client.get(reverse("events:detail", args=[snowstorm.public_id])).content.decode()
    assert "Sekretessbelagt läge" not in page


def test_reading_a_confidential_report_on_the_page_is_logged(client_for, snowstorm, user, actor):
    services.file_report(
        by=user(
            "tib"
        ),  # the police's report as TiB records it (polisen.kontakt lacks the permission)
        for_actor=actor("polisen"),
        event=snowstorm,
        situation="Sekretess",
        classification="confidential",
        osl_reference="OSL 18 kap. 1 §",
        shared_with=[actor("lansstyrelsen")],
    )
    client_for("tib").get(reverse("events:detail", args=[snowstorm.public_id]))
    assert ConfidentialRead.objects.filter(user=user("tib"), via="page").exists()


CONFIDENTIAL = "Skyddsobjekt Beta bevakas dygnet runt"


@pytest.fixture
def confidential_report(snowstorm, user, actor):
    """The Police's confidential report, shared with the county board, in a published picture."""
    report = services.file_report(
        by=user(
            "tib"
        ),  # the police's report as TiB records it (polisen.kontakt lacks the permission)
        for_actor=actor("polisen"),
        event=snowstorm,
        situation=CONFIDENTIAL,
        classification="confidential",
        osl_reference="OSL 18 kap. 1 §",
        shared_with=[actor("lansstyrelsen")],
    )
    services.file_report(by=user("nacka.kontakt"), event=snowstorm, situation="Snö i Nacka")
    tib = user("tib")
    for summary in ("Läget", "Läget, uppdaterat"):
        draft = services.save_picture_draft(
            by=tib, event=snowstorm, revision=draft_for(snowstorm).revision, summary=summary
        )
        services.publish_picture(by=tib, event=snowstorm, revision=draft.revision)
    return report


@pytest.mark.parametrize("username", ["nacka.kontakt", "rkk", "polisen.kontakt"])
def test_a_confidential_report_shows_on_no_page_to_those_without_the_permission(
    client_for, snowstorm, confidential_report, actor, user, username
):
    """RKK works at the county board, which the report is shared with, but lacks the
    confidential permission; the Police's own contact function lacks it too."""
    client = client_for(username)
    compare = reverse("events:picture_compare", args=[snowstorm.public_id]) + "?fran=1&till=2"
    for url in [*urls(snowstorm, actor), compare]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert CONFIDENTIAL not in response.content.decode(), url
    print_page = client.get(urls(snowstorm, actor)[5]).content.decode()
    assert "Nacka kommun" in print_page and "Polismyndigheten" not in print_page
    assert not ConfidentialRead.objects.filter(user=user(username)).exists()


def test_rsib_sees_the_confidential_report_in_the_editor_and_on_the_print(
    client_for, snowstorm, confidential_report, actor
):
    client = client_for("rsib")
    editor = reverse("events:picture_editor", args=[snowstorm.public_id])
    assert CONFIDENTIAL in client.get(editor).content.decode()
    assert "Polismyndigheten" in client.get(urls(snowstorm, actor)[5]).content.decode()


def test_the_editor_never_shows_a_compiler_a_report_restricted_away_from_it(
    client_for, snowstorm, user, actor
):
    services.file_report(
        by=user("polisen.kontakt"),
        event=snowstorm,
        situation="Bara för SOS Alarm",
        classification="restricted",
        shared_with=[actor("sosalarm")],
    )
    editor = reverse("events:picture_editor", args=[snowstorm.public_id])
    for url in [editor, f"{editor}?partial=reports"]:
        assert "Bara för SOS Alarm" not in client_for("tib").get(url).content.decode(), url


@pytest.fixture
def police_event(user, actor, event_type):
    """A restricted event of the Police, shared with the county board and SOS Alarm, with a
    log entry, a report and a published picture."""
    event = services.create_event(
        by=user("polisen.kontakt"),
        title="Hot mot Värtaverket",
        event_type=event_type("allvarlig-vald"),
        classification="restricted",
        shared_with=[actor("lansstyrelsen"), actor("sosalarm")],
    )
    services.add_log_entry(
        by=user("polisen.kontakt"), event=event, kind="information", text="Värtaverket avspärrat"
    )
    services.file_report(by=user("sosalarm.kontakt"), event=event, situation="Larm mottaget")
    tib = user("tib")
    draft = services.save_picture_draft(
        by=tib, event=event, revision=draft_for(event).revision, summary="Värtaverket hotat"
    )
    services.publish_picture(by=tib, event=event, revision=draft.revision)
    return event


def test_every_page_of_an_event_not_shared_with_the_user_is_not_found(
    client_for, police_event, actor
):
    client = client_for("nacka.kontakt")
    ids = [police_event.public_id]
    gets = [
        reverse("events:detail", args=ids),
        *(reverse("events:detail", args=ids) + f"?partial={name}" for name in PARTIALS),
        reverse("events:edit", args=ids),
        reverse("events:report_history", args=[*ids, actor("sosalarm").public_id]),
        reverse("events:stream", args=ids),
        reverse("events:picture_editor", args=ids),
        reverse("events:picture_compare", args=ids) + "?fran=1&till=1",
        reverse("events:picture_version", args=[*ids, 1]),
        reverse("events:picture_short", args=[*ids, 1]),
        reverse("events:picture_print", args=[*ids, 1]),
    ]
    for url in gets:
        assert client.get(url).status_code == 404, url
    posts = ["edit", "close", "reopen", "add_log_entry", "file_report", "picture_editor"]
    for name in posts:
        url = reverse(f"events:{name}", args=ids)
        assert client.post(url, {"text": "X", "situation": "X"}).status_code == 404, url
    for query in ["värtaverket", "avspärrat", "hotat"]:
        page = client.get(reverse("events:search"), {"q": query}).content.decode()
        assert "Värtaverket" not in page and str(police_event.public_id) not in page, query
    tib = client_for("tib")
    assert tib.get(reverse("events:picture_print", args=[*ids, 1])).status_code == 200
    assert "Värtaverket hotat" in tib.get(reverse("events:search"), {"q": "hotat"}).content.decode()
