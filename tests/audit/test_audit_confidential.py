"""The audit logs show what the log rows hold and nothing more: a confidential record that was
changed or read appears by its type and public id (and what its change entry says), never with
contents the log does not hold (its description, a protected number)."""

import csv
import io

import pytest
from django.urls import reverse

from samlad.actors.models import ContactPoint
from samlad.events import services
from samlad.events.models import EventType

SECRET = "Skyddsobjekt vid Hjulsta, larmkod 4711"


@pytest.fixture
def confidential_event(user, actor):
    return services.create_event(
        by=user("tib"),
        title="Sabotage mot ställverk",
        event_type=EventType.objects.get(slug="svart-vader"),
        description=SECRET,
        classification="confidential",
        osl_reference="OSL 18 kap. 13 §",
    )


@pytest.fixture
def protected_number(signed_in):
    """The Armed Forces' confidential duty-officer number, shown to TiB (and so logged)."""
    point = ContactPoint.objects.get(label__startswith="Vakthavande")
    signed_in("tib").get(reverse("actors:detail", args=[point.owner_actor.public_id]))
    return point


def _everything_the_officer_sees(signed_in, api_as) -> str:
    officer, api = signed_in("sakerhet"), api_as("sakerhet")
    parts = [
        officer.get(reverse("audit:changes")).content.decode(),
        officer.get(reverse("audit:reads")).content.decode(),
        b"".join(officer.get(reverse("audit:changes_csv")).streaming_content).decode(),
        b"".join(officer.get(reverse("audit:reads_csv")).streaming_content).decode(),
        api.get("/api/v1/audit/changes/").content.decode(),
        api.get("/api/v1/audit/reads/").content.decode(),
    ]
    return "\n".join(parts)


def test_a_confidential_events_description_is_not_shown(confidential_event, signed_in, api_as):
    seen = _everything_the_officer_sees(signed_in, api_as)
    assert str(confidential_event.public_id) in seen
    assert SECRET not in seen


def test_a_read_protected_number_appears_by_its_id_only(protected_number, signed_in, api_as):
    seen = _everything_the_officer_sees(signed_in, api_as)
    assert str(protected_number.public_id) in seen
    assert protected_number.value not in seen
    assert protected_number.label not in seen


def test_the_read_of_the_protected_number_is_in_the_read_log(protected_number, api_as):
    body = (
        api_as("sakerhet")
        .get("/api/v1/audit/reads/", {"object_id": str(protected_number.public_id)})
        .json()
    )
    assert [(r["user"]["username"], r["via"]) for r in body["results"]] == [("tib", "page")]


def test_the_export_names_the_confidential_event_but_not_its_contents(
    confidential_event, signed_in
):
    response = signed_in("sakerhet").get(
        reverse("audit:changes_csv"), {"objekt": str(confidential_event.public_id)}
    )
    text = b"".join(response.streaming_content).decode()
    (_, row) = list(csv.reader(io.StringIO(text[1:])))
    assert row[3:7] == [
        "event.created",
        "events.event",
        str(confidential_event.public_id),
        "Sabotage mot ställverk",
    ]
    assert SECRET not in text
