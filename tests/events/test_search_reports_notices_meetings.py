"""Issue 12 item 8: search (page and API) finds actor reports, notices and meetings, each
through the access policy; confidential hits are logged as reads."""

from datetime import timedelta

import pytest
from django.utils import timezone

from samlad.activation.models import Forum
from samlad.core.models import ConfidentialRead
from samlad.events import services
from samlad.meetings import services as meeting_services
from samlad.notices.models import Category as NoticeCategory
from samlad.notices.services.notices import publish_notice

SEARCH = "/api/v1/search/"


@pytest.fixture
def found_by(api_for):
    def search(username: str, words: str) -> dict:
        response = api_for(username).get(SEARCH, {"q": words})
        assert response.status_code == 200
        return response.json()

    return search


def test_search_finds_an_actor_report(found_by, snowstorm, user):
    services.file_report(
        by=user("nacka.kontakt"), event=snowstorm, situation="Saltbilar från Gustavsberg"
    )
    hits = found_by("varmdo.kontakt", "Gustavsberg")["reports"]
    assert [(h["actor"]["slug"], h["event"]["id"]) for h in hits] == [
        ("nacka", str(snowstorm.public_id))
    ]


def test_search_hides_a_restricted_report_from_actors_it_does_not_name(
    found_by, snowstorm, user, actor
):
    services.file_report(
        by=user("polisen.kontakt"),
        event=snowstorm,
        situation="Avspärrning vid Slussen",
        classification="restricted",
        shared_with=[actor("lansstyrelsen")],
    )
    assert found_by("nacka.kontakt", "Slussen")["reports"] == []
    assert len(found_by("tib", "Slussen")["reports"]) == 1


def test_search_finds_notices_and_meetings_as_far_as_the_user_may_see_them(found_by, user, actor):
    category = NoticeCategory.objects.get(slug="ovrigt")
    publish_notice(
        by=user("tib"),
        headline="Reservvatten i Tyresö",
        text="Tankbilar vid torget.",
        category=category,
    )
    publish_notice(
        by=user("tib"),
        headline="Skyddsobjekt Tyresö",
        text="Begränsad.",
        category=category,
        classification="restricted",
    )
    meeting_services.create_meeting(
        by=user("rsib"),
        forum=Forum.objects.get(slug="regionala-samordningsgruppen"),
        title="Avstämning vattenförsörjning Tyresö",
        starts_at=(timezone.now() + timedelta(hours=5)).replace(second=0, microsecond=0),
    )
    seen = found_by("nacka.kontakt", "Tyresö")
    assert [n["headline"] for n in seen["notices"]] == ["Reservvatten i Tyresö"]
    assert [m["title"] for m in seen["meetings"]] == ["Avstämning vattenförsörjning Tyresö"]
    assert len(found_by("tib", "Tyresö")["notices"]) == 2


def test_the_search_page_shows_reports_notices_and_meetings(client_for, snowstorm, user):
    services.file_report(
        by=user("nacka.kontakt"), event=snowstorm, situation="Plogning i Fisksätra"
    )
    publish_notice(
        by=user("tib"),
        headline="Fisksätra: stängd skola",
        text="Skolan stänger.",
        category=NoticeCategory.objects.get(slug="ovrigt"),
    )
    page = client_for("varmdo.kontakt").get("/handelser/sok/", {"q": "Fisksätra"})
    body = page.content.decode()
    assert "Plogning i Fisksätra" in body and "Fisksätra: stängd skola" in body
    assert "Aktörsrapporter (1)" in body and "Underrättelser (1)" in body


def test_confidential_hits_are_logged_as_reads(found_by, client_for, snowstorm, user, actor):
    report = services.file_report(
        by=user("tib"),
        event=snowstorm,
        situation="Skyddsobjekt Hammarby sjöstad",
        classification="confidential",
        osl_reference="OSL 18 kap. 1 §",
    )
    assert len(found_by("rsib", "Hammarby")["reports"]) == 1
    client_for("rsib").get("/handelser/sok/", {"q": "Hammarby"})
    assert found_by("rkk", "Hammarby")["reports"] == []  # no confidential permission
    reads = ConfidentialRead.objects.filter(target_id=str(report.public_id))
    assert sorted(reads.values_list("user__username", "via")) == [("rsib", "api"), ("rsib", "page")]
