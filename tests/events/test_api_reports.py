"""/api/v1/events/{id}/reports/: each actor's current report, one actor's history, one report,
and filing the report of the user's own actor, which supersedes the previous one."""

import uuid

import pytest

from samlad.core.models import ConfidentialRead
from samlad.events import services
from samlad.events.models import ActorReport


def reports_url(event) -> str:
    return f"/api/v1/events/{event.public_id}/reports/"


def test_a_contact_function_files_its_actors_report(api_for, snowstorm, actor):
    response = api_for("nacka.kontakt").post(
        reports_url(snowstorm),
        {
            "situation": "Snöröjning pågår på alla huvudleder.",
            "needs": "Förstärkning med två hjullastare.",
            "classification": "restricted",
            "shared_with": [str(actor("lansstyrelsen").public_id)],
        },
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["actor"]["slug"] == "nacka" and body["version"] == 1 and body["is_current"]
    assert body["needs"] == "Förstärkning med två hjullastare."
    assert [a["slug"] for a in body["shared_with"]] == ["lansstyrelsen"]
    assert body["reported_by"] and body["filed_at"]


def test_a_new_report_supersedes_the_previous_one_and_the_history_stays(
    api_for, snowstorm, actor, user
):
    client = api_for("nacka.kontakt")
    client.post(reports_url(snowstorm), {"situation": "Läge 1"}, format="json")
    client.post(reports_url(snowstorm), {"situation": "Läge 2"}, format="json")
    services.file_report(
        by=user("varmdo.kontakt"), event=snowstorm, situation="Värmdö: broar stängda"
    )
    current = client.get(reports_url(snowstorm)).json()
    assert current["count"] == 2
    assert [(r["actor"]["slug"], r["situation"]) for r in current["results"]] == [
        ("nacka", "Läge 2"),
        ("varmdo", "Värmdö: broar stängda"),
    ]
    history = client.get(reports_url(snowstorm), {"actor": str(actor("nacka").public_id)}).json()
    assert [(r["version"], r["is_current"]) for r in history["results"]] == [
        (2, True),
        (1, False),
    ]


def test_one_report_is_read_at_its_own_address(api_for, snowstorm, user):
    report = services.file_report(by=user("nacka.kontakt"), event=snowstorm, situation="Snö")
    response = api_for("tib").get(f"{reports_url(snowstorm)}{report.public_id}/")
    assert response.status_code == 200 and response.json()["situation"] == "Snö"
    missing = api_for("tib").get(f"{reports_url(snowstorm)}{uuid.uuid4()}/")
    assert missing.status_code == 404
    assert api_for("tib").get(f"{reports_url(snowstorm)}inte-ett-id/").status_code == 404


@pytest.mark.parametrize(
    ("payload", "fields"),
    [
        ({}, {"situation"}),
        ({"situation": "   "}, {"situation"}),
        ({"situation": "X", "classification": "hemlig"}, {"classification"}),
        ({"situation": "X", "classification": "confidential"}, {"osl_reference"}),
        ({"situation": "X", "shared_with": ["polisen"]}, {"shared_with"}),
        ({"situation": "X", "shared_with": "inte en lista"}, {"shared_with"}),
    ],
)
def test_a_bad_report_is_a_400_problem_and_nothing_is_filed(api_for, snowstorm, payload, fields):
    response = api_for("nacka.kontakt").post(reports_url(snowstorm), payload, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert set(response.json()["errors"]) == fields
    assert not ActorReport.objects.filter(event=snowstorm).exists()


def test_no_reports_into_a_closed_event(api_for, snowstorm, user):
    services.close_event(by=user("tib"), event=snowstorm)
    response = api_for("nacka.kontakt").post(
        reports_url(snowstorm), {"situation": "För sent"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"]["non_field_errors"] == [
        "Händelsen är stängd: inga fler rapporter."
    ]
    assert not ActorReport.objects.filter(event=snowstorm).exists()


def test_an_unknown_actors_history_is_not_found_and_a_bad_actor_id_is_a_400(api_for, snowstorm):
    client = api_for("nacka.kontakt")
    assert client.get(reports_url(snowstorm), {"actor": str(uuid.uuid4())}).status_code == 404
    bad = client.get(reports_url(snowstorm), {"actor": "nacka"})
    assert bad.status_code == 400 and "actor" in bad.json()["errors"]


def test_reading_a_confidential_report_through_the_api_is_logged(api_for, snowstorm, user, actor):
    report = services.file_report(
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
    client = api_for("tib")
    client.get(reports_url(snowstorm))
    client.get(f"{reports_url(snowstorm)}{report.public_id}/")
    client.get(reports_url(snowstorm), {"actor": str(actor("polisen").public_id)})
    reads = ConfidentialRead.objects.filter(user=user("tib"), target_id=str(report.public_id))
    assert list(reads.values_list("via", flat=True)) == ["api", "api", "api"]
