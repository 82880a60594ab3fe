"""Issue 11 finding 6: reads of confidential events are logged (event page, API, search,
picture versions); the iCalendar download of a confidential meeting is logged as an export.
Reading an open event logs nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from samlad.activation.models import Forum
from samlad.core.models import ConfidentialRead
from samlad.events import services
from samlad.events.models import EventType
from samlad.events.services.pictures import draft_for
from samlad.meetings import services as meeting_services


@pytest.fixture
def secret_event(user, actor):
    """A confidential event of the county board, with one published picture."""
    tib = user("tib")
    event = services.create_event(
        by=tib,
        title="Hot mot vattenverk i Norsborg",
        event_type=EventType.objects.get(slug="allvarlig-vald"),
        classification="confidential",
        osl_reference="OSL 18 kap. 1 §",
    )
    draft = services.save_picture_draft(
        by=tib, event=event, revision=draft_for(event).revision, summary="Bevakning av Norsborg"
    )
    services.publish_picture(by=tib, event=event, revision=draft.revision)
    return event


def reads(user, event) -> list[str]:
    rows = ConfidentialRead.objects.filter(user=user, target_id=str(event.public_id))
    return sorted(rows.values_list("via", flat=True))


def test_opening_a_confidential_event_page_is_logged(client_for, user, secret_event):
    client = client_for("rsib")
    assert client.get(f"/handelser/{secret_event.public_id}/").status_code == 200
    assert reads(user("rsib"), secret_event) == ["page"]


def test_a_picture_version_of_a_confidential_event_is_logged(client_for, user, secret_event):
    response = client_for("rsib").get(f"/handelser/{secret_event.public_id}/lagesbild/1/")
    assert response.status_code == 200
    assert reads(user("rsib"), secret_event) == ["page"]


def test_reading_a_confidential_event_through_the_api_is_logged(api_for, user, secret_event):
    client = api_for("rsib")
    assert client.get(f"/api/v1/events/{secret_event.public_id}/").status_code == 200
    assert client.get(f"/api/v1/events/{secret_event.public_id}/pictures/1/").status_code == 200
    assert client.get("/api/v1/events/").status_code == 200
    assert reads(user("rsib"), secret_event) == ["api", "api", "api"]


def test_finding_a_confidential_event_in_search_is_logged(api_for, client_for, user, secret_event):
    found = api_for("rsib").get("/api/v1/search/", {"q": "Norsborg"}).json()
    assert [e["id"] for e in found["events"]] == [str(secret_event.public_id)]
    client_for("rsib").get("/handelser/sok/", {"q": "Norsborg"})
    assert reads(user("rsib"), secret_event) == ["api", "page"]


def test_reading_an_open_event_logs_nothing(client_for, api_for, snowstorm):
    client_for("nacka.kontakt").get(f"/handelser/{snowstorm.public_id}/")
    api_for("nacka.kontakt").get(f"/api/v1/events/{snowstorm.public_id}/")
    assert not ConfidentialRead.objects.exists()


def test_downloading_a_confidential_meetings_calendar_file_is_logged_as_an_export(
    client_for, user, secret_event
):
    meeting = meeting_services.create_meeting(
        by=user("rsib"),
        forum=Forum.objects.get(slug="regionala-samordningsgruppen"),
        event=secret_event,
        title="Avstämning Norsborg",
        starts_at=(timezone.now() + timedelta(hours=3)).replace(second=0, microsecond=0),
        classification="confidential",
        osl_reference="OSL 18 kap. 1 §",
    )
    response = client_for("rsib").get(f"/moten/{meeting.public_id}/kalender.ics")
    assert response.status_code == 200
    assert reads(user("rsib"), meeting) == ["export"]
