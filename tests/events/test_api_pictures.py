"""/api/v1/events/{id}/pictures/: TiB and RSIB keep the draft (its revision guards against
silent overwrites: 409 with what changed) and publish numbered versions that never change;
everyone who sees the event reads them, in full or the short version for communicators."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samlad.actors.models import Actor
from samlad.events import services
from samlad.events.models import PictureDraft, PictureVersion


def pictures_url(event) -> str:
    return f"/api/v1/events/{event.public_id}/pictures/"


def draft_url(event) -> str:
    return f"{pictures_url(event)}draft/"


def publish(client, event, **fields):
    """Save the draft as `client` (from its current revision) and publish it."""
    revision = client.get(draft_url(event)).json()["revision"]
    saved = client.patch(draft_url(event), {"revision": revision, **fields}, format="json")
    assert saved.status_code == 200, saved.json()
    return client.post(pictures_url(event), {"revision": saved.json()["revision"]}, format="json")


def test_a_draft_never_saved_reads_as_revision_0(api_for, snowstorm):
    body = api_for("tib").get(draft_url(snowstorm)).json()
    assert body["revision"] == 0 and body["summary"] == "" and body["updated_at"] is None
    assert not PictureDraft.objects.filter(event=snowstorm).exists()


def test_tib_saves_the_draft_and_each_save_moves_the_revision_on(api_for, snowstorm):
    client = api_for("tib")
    first = client.put(
        draft_url(snowstorm),
        {"revision": 0, "summary": "Kraftigt snöfall", "worst_case": "Långa elavbrott"},
        format="json",
    )
    assert first.status_code == 200
    assert first.json()["revision"] == 1 and first.json()["updated_by"]
    changed = client.patch(
        draft_url(snowstorm), {"revision": 1, "analysis": "Trafiken påverkas"}, format="json"
    ).json()
    assert changed["revision"] == 2
    assert changed["summary"] == "Kraftigt snöfall" and changed["analysis"] == "Trafiken påverkas"
    replaced = client.put(
        draft_url(snowstorm), {"revision": 2, "summary": "Ny bild"}, format="json"
    ).json()
    assert replaced["summary"] == "Ny bild" and replaced["worst_case"] == ""


def test_the_second_of_two_editors_gets_409_showing_what_changed_and_nothing_is_lost(
    api_for, snowstorm
):
    tib, rsib = api_for("tib"), api_for("rsib")
    opened = tib.get(draft_url(snowstorm)).json()["revision"]
    assert rsib.get(draft_url(snowstorm)).json()["revision"] == opened
    tib.patch(
        draft_url(snowstorm),
        {"revision": opened, "summary": "TiB: snöfall", "analysis": "Samma analys"},
        format="json",
    )
    response = rsib.patch(
        draft_url(snowstorm),
        {"revision": opened, "summary": "RSIB: snöstorm", "analysis": "Samma analys"},
        format="json",
    )
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 409 and problem["title"] == "Conflict" and problem["detail"]
    assert problem["revision"] == opened + 1
    assert problem["changes"] == [
        {
            "field": "summary",
            "label": "Sammanfattning",
            "theirs": "TiB: snöfall",
            "yours": "RSIB: snöstorm",
        }
    ]
    assert problem["draft"]["summary"] == "TiB: snöfall"
    assert tib.get(draft_url(snowstorm)).json()["summary"] == "TiB: snöfall"
    # RSIB merges and saves knowingly against the current revision.
    merged = rsib.patch(
        draft_url(snowstorm),
        {"revision": problem["revision"], "summary": "TiB: snöfall. RSIB: snöstorm"},
        format="json",
    )
    assert merged.status_code == 200 and merged.json()["revision"] == opened + 2


def test_tib_publishes_numbered_versions_that_everyone_who_sees_the_event_reads(
    api_for, snowstorm, user
):
    services.file_report(by=user("nacka.kontakt"), event=snowstorm, situation="Snö i Nacka")
    tib = api_for("tib")
    first = publish(
        tib,
        snowstorm,
        summary="Kraftigt snöfall",
        most_likely="Trafikstörningar i två dygn",
        short_version="Snöfall väntas. Undvik onödiga resor.",
        next_update_at="2026-01-15T16:00:00+01:00",
    )
    assert first.status_code == 201
    body = first.json()
    assert body["number"] == 1 and body["audience"] == "full"
    assert body["event"]["id"] == str(snowstorm.public_id)
    assert body["publishing_actor"]["slug"] == "lansstyrelsen"
    assert [r["actor"]["slug"] for r in body["based_on_reports"]] == ["nacka"]
    assert publish(tib, snowstorm, summary="Snöfallet har börjat").json()["number"] == 2
    reader = api_for("varmdo.kontakt")
    versions = reader.get(pictures_url(snowstorm)).json()
    assert versions["count"] == 2
    assert [v["number"] for v in versions["results"]] == [2, 1]
    full = reader.get(f"{pictures_url(snowstorm)}1/").json()
    assert full["summary"] == "Kraftigt snöfall"
    assert full["most_likely"] == "Trafikstörningar i två dygn"
    assert full["next_update_at"].startswith("2026-01-15T16:00:00")
    assert PictureVersion.objects.get(public_id=body["id"]).summary == "Kraftigt snöfall"


def test_communicators_get_the_short_version_only(api_for, snowstorm):
    publish(
        api_for("tib"),
        snowstorm,
        summary="Internt: polisen förstärker",
        short_version="Snöfall väntas. Undvik onödiga resor.",
    )
    short = api_for("rkk").get(f"{pictures_url(snowstorm)}1/", {"audience": "short"}).json()
    assert short["audience"] == "short"
    assert short["short_version"] == "Snöfall väntas. Undvik onödiga resor."
    assert "summary" not in short and "Internt" not in str(short)
    bad = api_for("rkk").get(f"{pictures_url(snowstorm)}1/", {"audience": "press"})
    assert bad.status_code == 400 and "audience" in bad.json()["errors"]


def test_an_exercise_picture_says_so(api_for, user, event_type):
    exercise = services.create_event(
        by=user("tib"), title="Övning Snö", event_type=event_type(), is_exercise=True
    )
    publish(api_for("tib"), exercise, summary="Övningsläge", short_version="Övning pågår")
    for audience in ("full", "short"):
        body = (
            api_for("nacka.kontakt")
            .get(f"{pictures_url(exercise)}1/", {"audience": audience})
            .json()
        )
        assert body["event"]["is_exercise"] is True and body["event"]["marking"] == "ÖVNING"


@pytest.mark.parametrize("username", ["nacka.kontakt", "rkk", "kansli", "lansstyrelsen.admin"])
def test_only_tib_and_rsib_compile_and_publish_the_picture(api_for, snowstorm, username):
    client = api_for(username)
    assert client.get(draft_url(snowstorm)).status_code == 403
    response = client.put(draft_url(snowstorm), {"revision": 0, "summary": "X"}, format="json")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert client.post(pictures_url(snowstorm), {"revision": 0}, format="json").status_code == 403
    assert not PictureDraft.objects.filter(event=snowstorm).exists()
    assert not PictureVersion.objects.filter(event=snowstorm).exists()


@pytest.mark.parametrize("username", ["tib", "rsib"])
def test_tib_and_rsib_both_publish(api_for, snowstorm, username):
    assert publish(api_for(username), snowstorm, summary="Läget").status_code == 201


def test_tib_cannot_compile_the_picture_of_an_event_it_may_not_see(api_for, restricted_event):
    client = api_for("tib")
    assert client.get(draft_url(restricted_event)).status_code == 404
    assert client.post(pictures_url(restricted_event), {"revision": 0}).status_code == 404


def test_publishing_an_older_revision_than_the_draft_is_a_409(api_for, snowstorm):
    tib, rsib = api_for("tib"), api_for("rsib")
    tib.put(draft_url(snowstorm), {"revision": 0, "summary": "Version av TiB"}, format="json")
    rsib.patch(draft_url(snowstorm), {"revision": 1, "summary": "Ändrat av RSIB"}, format="json")
    response = tib.post(pictures_url(snowstorm), {"revision": 1}, format="json")
    assert response.status_code == 409
    assert response.json()["draft"]["summary"] == "Ändrat av RSIB"
    assert not PictureVersion.objects.filter(event=snowstorm).exists()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "revision"),
        ({"revision": -1}, "revision"),
        ({"revision": "senaste"}, "revision"),
        ({"revision": 0, "next_update_at": "snart"}, "next_update_at"),
        ({"revision": 0, "summary": ["lista"]}, "summary"),
    ],
)
def test_a_bad_draft_is_a_400_problem(api_for, snowstorm, payload, field):
    response = api_for("tib").put(draft_url(snowstorm), payload, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_a_draft_without_a_summary_is_not_published(api_for, snowstorm):
    tib = api_for("tib")
    tib.put(draft_url(snowstorm), {"revision": 0, "analysis": "Bara analys"}, format="json")
    response = tib.post(pictures_url(snowstorm), {"revision": 1}, format="json")
    assert response.status_code == 400 and "summary" in response.json()["errors"]
    assert not PictureVersion.objects.filter(event=snowstorm).exists()


def test_what_changed_between_two_versions_word_by_word(api_for, snowstorm):
    tib = api_for("tib")
    publish(tib, snowstorm, summary="Snöfall väntas i natt", worst_case="Elavbrott")
    publish(tib, snowstorm, summary="Snöfall pågår i natt", worst_case="Elavbrott")
    response = tib.get(f"{pictures_url(snowstorm)}compare/", {"from": 1, "to": 2})
    assert response.status_code == 200
    body = response.json()
    assert (body["from"], body["to"]) == (1, 2)
    assert [c["field"] for c in body["changes"]] == ["summary"]
    pieces = body["changes"][0]["pieces"]
    assert {"op": "removed", "text": "väntas"} in pieces
    assert {"op": "added", "text": "pågår"} in pieces
    assert tib.get(f"{pictures_url(snowstorm)}compare/", {"from": 1, "to": 9}).status_code == 404
    assert tib.get(f"{pictures_url(snowstorm)}compare/", {"from": "a"}).status_code == 400


def test_a_version_that_does_not_exist_is_not_found(api_for, snowstorm):
    response = api_for("tib").get(f"{pictures_url(snowstorm)}7/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_reading_costs_the_same_few_queries_with_one_report_or_every_actors(
    api_for, snowstorm, user
):
    """The benchmark's case: every actor of the network has reported into the event."""
    tib = api_for("tib")
    base = f"/api/v1/events/{snowstorm.public_id}/"
    urls = [f"{base}reports/", f"{base}pictures/", f"{base}pictures/1/"]

    def queries() -> list[int]:
        publish(tib, snowstorm, summary="Läget")
        counts = []
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                assert tib.get(url).status_code == 200
            counts.append(len(captured))
        return counts

    services.file_report(by=user("nacka.kontakt"), event=snowstorm, situation="Snö")
    tib.get(base)  # the first request also reads the user's actor
    few = queries()
    for other in Actor.objects.exclude(slug="nacka"):
        services.file_report(
            by=user(f"{other.slug}.kontakt"), event=snowstorm, situation=f"Läget hos {other.name}"
        )
    assert queries() == few
    assert max(few) <= 5
