"""The list of events and the form that registers and changes them."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from samlad.events.models import Event


@pytest.fixture
def event_form(actor, event_type):
    """The event form as a browser posts it, with valid values unless overridden."""

    def make(**overrides):
        data = {
            "title": "Elavbrott i Södertälje",
            "description": "Ellevio rapporterar ett större avbrott.",
            "event_type": event_type("elavbrott").pk,
            "mode": "activated",
            "affected_actors": [actor("sodertalje").pk, actor("sbff").pk],
            "place": "Södertälje centrum",
            "area": '{"type": "Point", "coordinates": [17.62, 59.19]}',
            "lead_actor": actor("sodertalje").pk,
            "starts_at": "2026-12-01T10:00",
            "ends_at": "",
            "classification": "open",
            "shared_with": [actor("lansstyrelsen").pk],
            "osl_reference": "",
        }
        return data | overrides

    return make


def test_the_event_list_shows_open_events_before_closed_ones_and_marks_exercises(
    client_for, snowstorm, user, event_type
):
    from samlad.events import services

    drill = services.create_event(
        by=user("tib"), title="Länsövning Vinter", event_type=event_type(), is_exercise=True
    )
    old = services.create_event(by=user("tib"), title="Gammal storm", event_type=event_type())
    services.close_event(by=user("tib"), event=old)
    page = client_for("nacka.kontakt").get(reverse("events:list")).content.decode()
    assert page.index("Snöoväder Stockholms län") < page.index("Gammal storm")
    assert page.index("Länsövning Vinter") < page.index("Gammal storm")
    assert "ÖVNING" in page and "Ny händelse" in page
    only_closed = client_for("nacka.kontakt").get(reverse("events:list"), {"status": "closed"})
    assert "Gammal storm" in only_closed.content.decode()
    assert "Snöoväder" not in only_closed.content.decode()
    by_type = client_for("nacka.kontakt").get(reverse("events:list"), {"typ": "elavbrott"})
    assert "Snöoväder" not in by_type.content.decode()
    assert drill.is_exercise


def test_the_list_never_shows_an_event_the_user_may_not_see(client_for, restricted_event):
    page = client_for("nacka.kontakt").get(reverse("events:list")).content.decode()
    assert "Hot mot kritisk infrastruktur" not in page
    page = client_for("sosalarm.kontakt").get(reverse("events:list")).content.decode()
    assert "Hot mot kritisk infrastruktur" in page


def test_a_contact_function_registers_an_event_through_the_form(client_for, event_form, actor):
    response = client_for("sodertalje.kontakt").post(reverse("events:create"), event_form())
    event = Event.objects.get(title="Elavbrott i Södertälje")
    assert response.status_code == 302
    assert response["Location"] == reverse("events:detail", args=[event.public_id])
    # 10:00 in Stockholm in December is 09:00 UTC.
    assert event.starts_at == datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    assert event.area == {"type": "Point", "coordinates": [17.62, 59.19]}
    assert event.owner_actor == actor("sodertalje") and event.mode == "activated"
    assert set(event.affected_actors.values_list("slug", flat=True)) == {"sodertalje", "sbff"}


def test_the_new_event_form_preselects_the_county_board_as_shared_with(client_for, actor):
    form = client_for("nacka.kontakt").get(reverse("events:create")).context["form"]
    assert form.initial["shared_with"] == [actor("lansstyrelsen").pk]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"starts_at": "2026-12-01T10:00", "ends_at": "2026-12-01T09:00"},
            "ends_at",
            "Händelsen kan inte sluta innan den börjar.",
        ),
        ({"area": "{not json"}, "area", "Området är inte giltig GeoJSON"),
        (
            {"area": '{"type": "Point", "coordinates": [200, 95]}'},
            "area",
            "En position är [longitud, latitud] i grader (WGS 84).",
        ),
        ({"area": '{"type": "LineString", "coordinates": []}'}, "area", "GeoJSON"),
        (
            {"classification": "confidential", "osl_reference": ""},
            "osl_reference",
            "Ange sekretessbestämmelsen",
        ),
        ({"starts_at": "i morgon bitti"}, "starts_at", ""),
        ({"event_type": "999999"}, "event_type", ""),
        ({"affected_actors": ["x"]}, "affected_actors", ""),
        ({"title": "   "}, "title", ""),
    ],
)
def test_bad_input_gives_a_clear_form_error_and_creates_nothing(
    client_for, event_form, overrides, field, message
):
    before = Event.objects.count()
    response = client_for("nacka.kontakt").post(reverse("events:create"), event_form(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert message in response.content.decode()
    assert Event.objects.count() == before


def test_the_lead_actor_changes_the_event_and_the_form_shows_stockholm_time(
    client_for, snowstorm, event_form
):
    client = client_for("tib")
    page = client.get(reverse("events:edit", args=[snowstorm.public_id]))
    assert page.context["form"].initial["title"] == "Snöoväder Stockholms län"
    response = client.post(
        reverse("events:edit", args=[snowstorm.public_id]),
        event_form(title="Snöoväder, uppdaterat", starts_at="2026-07-01T12:00"),
    )
    assert response.status_code == 302
    snowstorm.refresh_from_db()
    assert snowstorm.title == "Snöoväder, uppdaterat"
    # Summer time: 12:00 in Stockholm is 10:00 UTC, and is shown as 12:00 again.
    assert snowstorm.starts_at == datetime(2026, 7, 1, 10, 0, tzinfo=UTC)
    edit = client.get(reverse("events:edit", args=[snowstorm.public_id])).content.decode()
    assert 'value="2026-07-01T12:00"' in edit


def test_only_those_who_manage_the_event_may_change_close_or_reopen_it(client_for, snowstorm):
    url = reverse("events:edit", args=[snowstorm.public_id])
    assert client_for("nacka.kontakt").get(url).status_code == 403
    close = reverse("events:close", args=[snowstorm.public_id])
    assert client_for("nacka.kontakt").post(close).status_code == 403
    page = client_for("nacka.kontakt").get(reverse("events:detail", args=[snowstorm.public_id]))
    assert "Stäng händelsen" not in page.content.decode()


def test_tib_closes_and_reopens_an_event(client_for, snowstorm):
    client = client_for("tib")
    detail = reverse("events:detail", args=[snowstorm.public_id])
    assert "Stäng händelsen" in client.get(detail).content.decode()
    client.post(reverse("events:close", args=[snowstorm.public_id]))
    snowstorm.refresh_from_db()
    assert snowstorm.status == "closed"
    page = client.get(detail).content.decode()
    assert "Öppna händelsen igen" in page
    again = client.post(reverse("events:close", args=[snowstorm.public_id]), follow=True)
    assert "redan" in again.content.decode()
    client.post(reverse("events:reopen", args=[snowstorm.public_id]))
    snowstorm.refresh_from_db()
    assert snowstorm.status == "open"
