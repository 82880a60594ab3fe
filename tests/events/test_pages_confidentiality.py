"""Confidentiality on every page: the contact function of Nacka never sees a report the Police
restricted to the county board, wherever such a report could surface."""

import pytest
from django.urls import reverse

from samlad.core.models import ConfidentialRead
from samlad.events import services
from samlad.events.services.pictures import draft_for

SECRET = "Polisen förstärker kring skyddsobjekt Alfa"


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
        by=user("lansstyrelsen.kontakt"),
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
        by=user("polisen.kontakt"),
        event=snowstorm,
        situation="Sekretess",
        classification="confidential",
        osl_reference="OSL 18 kap. 1 §",
        shared_with=[actor("lansstyrelsen")],
    )
    client_for("tib").get(reverse("events:detail", args=[snowstorm.public_id]))
    assert ConfidentialRead.objects.filter(user=user("tib"), via="page").exists()
