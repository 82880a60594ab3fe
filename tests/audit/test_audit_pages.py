"""The audit pages under /granskning/: filters by user, actor, object and period (whole days in
Swedish time), paging, times shown in Swedish time, Swedish and English, and every page shown
logged as a read of the audit log."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from samlad.core.models import ConfidentialRead, LogEntry


def rows(response) -> list:
    assert response.status_code == 200, response.content
    return list(response.context["page"])


def changes(client, **query) -> list:
    return rows(client.get(reverse("audit:changes"), query))


@pytest.fixture
def officer(signed_in):
    return signed_in("sakerhet")


def test_the_change_log_is_filtered_by_user(officer, logged):
    assert changes(officer, anvandare="nacka.kontakt") == [logged["nacka"]]
    assert changes(officer, anvandare=str(logged["police"].user.public_id)) == [logged["police"]]


def test_the_change_log_is_filtered_by_the_actor_it_was_made_for(officer, logged, actor):
    assert changes(officer, aktor="polisen") == [logged["police"]]
    assert changes(officer, aktor=str(actor("nacka").public_id)) == [logged["nacka"]]


def test_the_change_log_is_filtered_by_object_type_and_id(officer, logged):
    found = changes(officer, typ="events.event", objekt=logged["nacka"].target_id.upper())
    assert found == [logged["nacka"]]
    assert changes(officer, typ="accounts.user", objekt=logged["nacka"].target_id) == []


def test_the_period_is_whole_days_in_swedish_time(officer, logged):
    # 23:30 UTC on 4 March is 00:30 on 5 March in Stockholm.
    assert changes(officer, fran="2026-03-05", till="2026-03-05") == [logged["nacka"]]
    assert changes(officer, fran="2026-03-04", till="2026-03-04") == []
    assert changes(officer, fran="2026-03-05", till="2026-03-06") == [
        logged["police"],
        logged["nacka"],
    ]


def test_times_are_shown_in_swedish_time(officer, logged):
    page = officer.get(reverse("audit:changes"), {"anvandare": "nacka.kontakt"})
    assert "2026-03-05 00:30:00" in page.content.decode()


def test_a_period_that_ends_before_it_starts_is_refused_and_shows_nothing(officer, logged):
    response = officer.get(reverse("audit:changes"), {"fran": "2026-03-06", "till": "2026-03-05"})
    assert response.status_code == 400
    assert "Perioden slutar innan den börjar." in response.content.decode()
    assert not ConfidentialRead.objects.filter(user__username="sakerhet").exists()


def test_the_read_log_is_filtered_by_the_readers_actor(officer, logged):
    found = rows(
        officer.get(reverse("audit:reads"), {"aktor": "lansstyrelsen", "fran": "2026-03-05"})
    )
    assert logged["read"] in found
    assert rows(officer.get(reverse("audit:reads"), {"aktor": "nacka"})) == []


def test_the_change_log_comes_fifty_rows_a_page_newest_first(officer, user):
    start = datetime(2026, 1, 10, 8, 0, tzinfo=UTC)
    for n in range(55):
        LogEntry.objects.create(
            at=start + timedelta(minutes=n),
            user=user("rkk"),
            action="note.added",
            target_type="events.event",
            target_id=f"rad-{n}",
        )
    first = changes(officer, anvandare="rkk")
    second = changes(officer, anvandare="rkk", sida=2)
    assert [row.target_id for row in first][:2] == ["rad-54", "rad-53"]
    assert len(first) == 50
    assert [row.target_id for row in second] == [f"rad-{n}" for n in range(4, -1, -1)]


def test_the_page_shows_the_log_as_it_was_before_this_read(officer, logged):
    first = rows(officer.get(reverse("audit:reads")))
    second = rows(officer.get(reverse("audit:reads")))
    assert first == [logged["read"]]
    assert [r.via for r in second] == ["page", "page"]


def test_reading_an_audit_page_is_logged_with_its_filters(officer, logged):
    officer.get(reverse("audit:changes"), {"anvandare": "nacka.kontakt"})
    officer.get(reverse("audit:reads"))
    reads = ConfidentialRead.objects.filter(user__username="sakerhet").order_by("id")
    assert [(r.target_type, r.target_id, r.via) for r in reads] == [
        ("core.logentry", "user=nacka.kontakt", "page"),
        ("core.confidentialread", "", "page"),
    ]


def test_the_reads_of_the_audit_log_show_in_the_read_log(officer, logged):
    officer.get(reverse("audit:changes"), {"aktor": "polisen"})
    found = rows(officer.get(reverse("audit:reads"), {"typ": "core.logentry"}))
    assert [(r.user.username, r.target_id) for r in found] == [("sakerhet", "actor=polisen")]


def test_the_audit_pages_speak_swedish_and_english(officer, logged):
    swedish = officer.get(reverse("audit:changes")).content.decode()
    english = officer.get(reverse("audit:changes"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Ändringslogg" in swedish and "Till och med" in swedish
    assert "Change log" in english and "Until" in english
