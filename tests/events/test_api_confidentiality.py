"""Confidentiality through the API: a confidential report of the Police, shared with the county
board, is seen by TiB (who holds the confidential permission) and by nobody else: not by Nacka's
contact function, and not by RKK, who works at the county board but lacks the permission. It must
not surface in any list, history, picture version, search hit or direct read."""

import uuid

import pytest

from samlad.core.models import ConfidentialRead
from samlad.events import services
from samlad.events.services.pictures import draft_for

SECRET = "Skyddsobjekt Alfa bevakas av nationella insatsstyrkan"
OUTSIDERS = ["nacka.kontakt", "rkk", "polisen.kontakt"]


@pytest.fixture
def confidential_report(snowstorm, user, actor):
    """The Police's confidential report in the open snowstorm event; Nacka's open report beside
    it; then TiB publishes version 1 of the picture, compiled from both."""
    report = services.file_report(
        by=user(
            "tib"
        ),  # the police's report as TiB records it (polisen.kontakt lacks the permission)
        for_actor=actor("polisen"),
        event=snowstorm,
        situation=SECRET,
        classification="confidential",
        osl_reference="OSL 18 kap. 1 §",
        shared_with=[actor("lansstyrelsen")],
    )
    services.file_report(by=user("nacka.kontakt"), event=snowstorm, situation="Snö i Nacka")
    tib = user("tib")
    draft = services.save_picture_draft(
        by=tib, event=snowstorm, revision=draft_for(snowstorm).revision, summary="Läget i länet"
    )
    services.publish_picture(by=tib, event=snowstorm, revision=draft.revision)
    return report


def reads(snowstorm, actor) -> dict[str, dict]:
    """Every API read where the report could surface."""
    event = f"/api/v1/events/{snowstorm.public_id}/"
    return {
        "events": {"path": "/api/v1/events/"},
        "event": {"path": event},
        "log": {"path": f"{event}log/"},
        "reports": {"path": f"{event}reports/"},
        "history": {"path": f"{event}reports/", "data": {"actor": str(actor("polisen").public_id)}},
        "pictures": {"path": f"{event}pictures/"},
        "picture": {"path": f"{event}pictures/1/"},
        "short": {"path": f"{event}pictures/1/", "data": {"audience": "short"}},
        "search secret": {"path": "/api/v1/search/", "data": {"q": "skyddsobjekt"}},
        "search actor": {"path": "/api/v1/search/", "data": {"q": "polismyndigheten"}},
    }


@pytest.mark.parametrize("username", OUTSIDERS)
def test_the_confidential_report_surfaces_nowhere_for_those_without_the_right(
    api_for, snowstorm, confidential_report, actor, user, username
):
    client = api_for(username)
    for name, read in reads(snowstorm, actor).items():
        response = client.get(read["path"], read.get("data"))
        assert response.status_code == 200, name
        body = response.content.decode()
        assert SECRET not in body, name
        assert str(confidential_report.public_id) not in body, name
    reports = client.get(f"/api/v1/events/{snowstorm.public_id}/reports/").json()
    assert [r["actor"]["slug"] for r in reports["results"]] == ["nacka"]
    picture = client.get(f"/api/v1/events/{snowstorm.public_id}/pictures/1/").json()
    assert [r["actor"]["slug"] for r in picture["based_on_reports"]] == ["nacka"]
    history = client.get(
        reads(snowstorm, actor)["history"]["path"], {"actor": str(actor("polisen").public_id)}
    )
    assert history.json()["count"] == 0
    assert not ConfidentialRead.objects.filter(user=user(username)).exists()


@pytest.mark.parametrize("username", OUTSIDERS)
def test_reading_the_confidential_report_directly_is_a_404_like_a_report_that_does_not_exist(
    api_for, snowstorm, confidential_report, username
):
    client = api_for(username)
    base = f"/api/v1/events/{snowstorm.public_id}/reports/"
    hidden = client.get(f"{base}{confidential_report.public_id}/")
    missing = client.get(f"{base}{uuid.uuid4()}/")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()


def test_tib_sees_the_confidential_report_where_it_belongs_and_the_reads_are_logged(
    api_for, snowstorm, confidential_report, actor, user
):
    client = api_for("tib")
    base = f"/api/v1/events/{snowstorm.public_id}/"
    reports = client.get(f"{base}reports/").json()["results"]
    assert {r["actor"]["slug"] for r in reports} == {"nacka", "polisen"}
    assert SECRET in str(reports)
    picture = client.get(f"{base}pictures/1/").json()
    assert {r["actor"]["slug"] for r in picture["based_on_reports"]} == {"nacka", "polisen"}
    one = client.get(f"{base}reports/{confidential_report.public_id}/").json()
    assert one["situation"] == SECRET and one["osl_reference"] == "OSL 18 kap. 1 §"
    assert ConfidentialRead.objects.filter(user=user("tib"), via="api").count() == 2


def test_a_restricted_event_surfaces_nowhere_for_an_actor_it_is_not_shared_with(
    api_for, restricted_event, user
):
    services.add_log_entry(
        by=user("polisen.kontakt"),
        event=restricted_event,
        kind="information",
        text="Förstärkt bevakning vid Värtahamnen",
    )
    services.file_report(by=user("sosalarm.kontakt"), event=restricted_event, situation="Larm")
    client = api_for("nacka.kontakt")
    assert client.get("/api/v1/events/").json()["count"] == 0
    for query in ["värtahamnen", "infrastruktur", "larm"]:
        hits = client.get("/api/v1/search/", {"q": query}).json()
        assert hits == {
            "events": [],
            "log_entries": [],
            "pictures": [],
            "reports": [],
            "notices": [],
            "meetings": [],
        }, query
    base = f"/api/v1/events/{restricted_event.public_id}/"
    for path in ["", "log/", "reports/", "pictures/", "pictures/draft/"]:
        assert client.get(f"{base}{path}").status_code == 404, path
    found = api_for("sosalarm.kontakt").get("/api/v1/search/", {"q": "värtahamnen"}).json()
    assert [hit["number"] for hit in found["log_entries"]] == [1]
