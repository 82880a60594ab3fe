"""A warning for the whole county arrives with its area (issue 12, item 2): a county geocode
(Länskod 01, or ISO 3166-2 SE-AB) stands for every municipality of the county, SMHI-style
polygons are kept on the notice, the API shows the area, and "Make an event of this warning"
prefills the county's municipalities as affected actors and the polygons as the event's area."""

import pytest
from noticekit import cap_alert
from rest_framework.test import APIClient

from samlad.actors.models import Actor
from samlad.notices.services.cap_import import import_cap

POLYGON = "59.30,18.00 59.45,18.20 59.20,18.35 59.30,18.00"
RING = [[18.0, 59.3], [18.2, 59.45], [18.35, 59.2], [18.0, 59.3]]


def county_alert(value_name="Länskod", value="01") -> bytes:
    alert = cap_alert("smhi_snow_alert.xml").decode()
    start, end = alert.index("    <area>"), alert.index("  </info>")
    area = (
        f"    <area><areaDesc>Stockholms län</areaDesc><polygon>{POLYGON}</polygon>"
        f"<geocode><valueName>{value_name}</valueName><value>{value}</value></geocode></area>\n"
    )
    return (alert[:start] + area + alert[end:]).encode()


def county_municipalities() -> set[str]:
    return set(
        Actor.objects.filter(municipality_code__startswith="01").values_list("slug", flat=True)
    )


@pytest.mark.parametrize(("value_name", "value"), [("Länskod", "01"), ("ISO 3166-2", "SE-AB")])
def test_a_county_geocode_covers_every_municipality_of_the_county(user, value_name, value):
    notice = import_cap(by=user("tib"), data=county_alert(value_name, value)).notice
    assert len(county_municipalities()) == 26
    assert {m.slug for m in notice.municipalities.all()} == county_municipalities()
    assert notice.county_codes == ["01"]


def test_the_polygons_are_kept_on_the_notice(user):
    notice = import_cap(by=user("tib"), data=county_alert()).notice
    assert notice.polygons == {"type": "MultiPolygon", "coordinates": [[RING]]}


def test_the_api_shows_the_area(user):
    notice = import_cap(by=user("tib"), data=county_alert()).notice
    client = APIClient()
    client.force_authenticate(user("nacka.kontakt"))
    area = client.get(f"/api/v1/notices/{notice.public_id}/").json()["area"]
    assert area["description"] == "Stockholms län"
    assert area["counties"] == ["01"]
    assert {m["slug"] for m in area["municipalities"]} == county_municipalities()
    assert {"slug": "nacka", "name": "Nacka kommun", "code": "0182"} in area["municipalities"]
    assert area["polygons"]["coordinates"] == [[RING]]


def test_making_an_event_prefills_the_countys_municipalities_and_the_area(client_for, user):
    notice = import_cap(by=user("tib"), data=county_alert()).notice
    client = client_for("tib")
    initial = (
        client.get(f"/underrattelser/{notice.public_id}/till-handelse/").context["form"].initial
    )
    picked = set(
        Actor.objects.filter(pk__in=initial["affected_actors"]).values_list("slug", flat=True)
    )
    assert picked == county_municipalities()
    data = {
        "title": initial["title"],
        "description": initial["description"],
        "event_type": initial["event_type"],
        "mode": "activated",
        "affected_actors": initial["affected_actors"],
        "area": initial["area"],
        "starts_at": "2026-01-14T18:00",
        "classification": "open",
    }
    response = client.post(f"/underrattelser/{notice.public_id}/till-handelse/", data)
    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.event.affected_actors.count() == 26
    assert notice.event.area == {"type": "MultiPolygon", "coordinates": [[RING]]}


def test_a_malformed_polygon_is_refused_with_the_reason(user):
    from samlad.notices.cap.parse import ImportRefused

    bad = county_alert().replace(POLYGON.encode(), b"59.3,18.0 59.4,18.2")
    with pytest.raises(ImportRefused) as refusal:
        import_cap(by=user("tib"), data=bad)
    assert "59.3,18.0" in refusal.value.reason
