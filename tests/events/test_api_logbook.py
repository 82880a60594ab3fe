"""/api/v1/events/{id}/log/: the log book, newest first, a page at a time; anyone who sees the
event writes in it; a correction points at the entry it corrects, which stays as it was."""

import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samlad.events import services
from samlad.events.models import LogBookEntry


def log_url(event) -> str:
    return f"/api/v1/events/{event.public_id}/log/"


@pytest.fixture
def five_entries(snowstorm, user):
    tib = user("tib")
    return [
        services.add_log_entry(by=tib, event=snowstorm, kind="information", text=f"Rad {n}")
        for n in range(1, 6)
    ]


def test_the_log_book_reads_newest_first_a_page_at_a_time(api_for, snowstorm, five_entries):
    client = api_for("nacka.kontakt")
    first = client.get(log_url(snowstorm), {"limit": 2}).json()
    assert first["count"] == 5
    assert [e["number"] for e in first["results"]] == [5, 4]
    assert first["previous"] is None and "offset=2" in first["next"]
    second = client.get(first["next"]).json()
    assert [e["number"] for e in second["results"]] == [3, 2]
    last = client.get(log_url(snowstorm), {"limit": 2, "offset": 4}).json()
    assert [e["text"] for e in last["results"]] == ["Rad 1"] and last["next"] is None
    beyond = client.get(log_url(snowstorm), {"offset": 50}).json()
    assert beyond["count"] == 5 and beyond["results"] == []
    entry = first["results"][0]
    assert entry["kind"] == "information" and entry["author_actor"]["slug"] == "lansstyrelsen"
    assert entry["author"] and entry["corrects"] is None and entry["corrected_by"] == []


def test_a_contact_function_writes_in_the_log_book(api_for, snowstorm):
    at = (timezone.now() - timedelta(minutes=30)).replace(microsecond=0)
    response = api_for("nacka.kontakt").post(
        log_url(snowstorm),
        {"kind": "contact", "text": "  Samtal med SMHI  ", "at": at.isoformat()},
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["number"] == 1 and body["text"] == "Samtal med SMHI"
    assert body["author_actor"]["slug"] == "nacka"
    entry = LogBookEntry.objects.get(public_id=body["id"])
    assert entry.at == at and entry.kind == "contact"


def test_a_correction_points_at_the_entry_it_corrects_which_stays_readable(
    api_for, snowstorm, five_entries
):
    client = api_for("nacka.kontakt")
    wrong = five_entries[1]
    response = client.post(
        log_url(snowstorm),
        {
            "kind": "information",
            "text": "Rättelse: rad 2 gällde Värmdö",
            "corrects": str(wrong.public_id),
        },
        format="json",
    )
    assert response.status_code == 201
    correction = response.json()
    assert correction["corrects"] == str(wrong.public_id) and correction["corrects_number"] == 2
    entries = {e["number"]: e for e in client.get(log_url(snowstorm)).json()["results"]}
    assert entries[2]["text"] == "Rad 2" and entries[2]["corrected_by"] == [6]
    assert entries[6]["corrects_number"] == 2


@pytest.mark.parametrize(
    ("payload", "fields"),
    [
        ({}, {"kind", "text"}),
        ({"kind": "information", "text": "   "}, {"text"}),
        ({"kind": "rykte", "text": "X"}, {"kind"}),
        ({"kind": "information", "text": "X", "at": "igår"}, {"at"}),
        ({"kind": "information", "text": "X", "corrects": "2"}, {"corrects"}),
        ({"kind": "information", "text": "X", "corrects": str(uuid.uuid4())}, {"corrects"}),
    ],
)
def test_bad_entries_are_400_problems_and_nothing_is_written(api_for, snowstorm, payload, fields):
    response = api_for("tib").post(log_url(snowstorm), payload, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert set(response.json()["errors"]) == fields
    assert not LogBookEntry.objects.filter(event=snowstorm).exists()


def test_an_entry_in_the_future_is_refused(api_for, snowstorm):
    tomorrow = timezone.now() + timedelta(days=1)
    response = api_for("tib").post(
        log_url(snowstorm),
        {"kind": "decision", "text": "Beslut", "at": tomorrow.isoformat()},
        format="json",
    )
    assert response.status_code == 400 and "at" in response.json()["errors"]


def test_a_correction_cannot_point_into_another_events_log_book(
    api_for, snowstorm, restricted_event, user
):
    other = services.add_log_entry(
        by=user("polisen.kontakt"), event=restricted_event, kind="information", text="Hemligt"
    )
    response = api_for("sosalarm.kontakt").post(
        log_url(snowstorm),
        {"kind": "information", "text": "X", "corrects": str(other.public_id)},
        format="json",
    )
    assert response.status_code == 400 and "corrects" in response.json()["errors"]


def test_the_log_book_of_an_event_the_user_may_not_see_is_not_found(
    api_for, restricted_event, user
):
    services.add_log_entry(
        by=user("polisen.kontakt"), event=restricted_event, kind="information", text="Hemligt"
    )
    client = api_for("nacka.kontakt")
    assert client.get(log_url(restricted_event)).status_code == 404
    response = client.post(
        log_url(restricted_event), {"kind": "information", "text": "Hej"}, format="json"
    )
    assert response.status_code == 404
    assert LogBookEntry.objects.filter(event=restricted_event).count() == 1
    assert api_for("sosalarm.kontakt").get(log_url(restricted_event)).json()["count"] == 1


def test_a_page_costs_the_same_few_queries_however_long_the_log_book(
    api_for, snowstorm, five_entries, user
):
    client = api_for("nacka.kontakt")

    def queries_for_a_page() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(log_url(snowstorm), {"limit": 3, "offset": 2}).status_code == 200
        return len(queries)

    queries_for_a_page()  # the first request also reads the user's actor
    short = queries_for_a_page()
    for n in range(60):
        services.add_log_entry(by=user("tib"), event=snowstorm, kind="action", text=f"Mer {n}")
    assert queries_for_a_page() == short <= 8
