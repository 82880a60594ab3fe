"""/api/v1/search/?q=: events, log book entries and published pictures that match every word."""

from samlad.events import services
from samlad.events.services.pictures import draft_for

SEARCH = "/api/v1/search/"


def test_search_finds_events_entries_and_pictures(api_for, snowstorm, user):
    tib = user("tib")
    services.add_log_entry(
        by=tib, event=snowstorm, kind="information", text="Trafikverket stänger Skurubron"
    )
    draft = services.save_picture_draft(
        by=tib, event=snowstorm, revision=draft_for(snowstorm).revision, summary="Skurubron stängd"
    )
    services.publish_picture(by=tib, event=snowstorm, revision=draft.revision)
    client = api_for("nacka.kontakt")
    found = client.get(SEARCH, {"q": "Skurubron"}).json()
    assert [hit["text"] for hit in found["log_entries"]] == ["Trafikverket stänger Skurubron"]
    assert found["log_entries"][0]["event"]["id"] == str(snowstorm.public_id)
    assert [(hit["number"], hit["summary"]) for hit in found["pictures"]] == [
        (1, "Skurubron stängd")
    ]
    events = client.get(SEARCH, {"q": "snöoväder"}).json()["events"]
    assert [(e["id"], e["type"], e["status"]) for e in events] == [
        (str(snowstorm.public_id), "svart-vader", "open")
    ]


def test_a_search_without_words_or_with_too_many_is_a_400_problem(api_for):
    client = api_for("nacka.kontakt")
    for query in [{}, {"q": ""}, {"q": "x" * 201}]:
        response = client.get(SEARCH, query)
        assert response.status_code == 400, query
        assert response["Content-Type"] == "application/problem+json"
        assert "q" in response.json()["errors"]


def test_nothing_found_is_an_empty_answer(api_for, snowstorm):
    found = api_for("nacka.kontakt").get(SEARCH, {"q": "zyxwvu"}).json()
    assert found == {
        "events": [],
        "log_entries": [],
        "pictures": [],
        "reports": [],
        "notices": [],
        "meetings": [],
    }
