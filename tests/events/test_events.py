import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from samlad.core.errors import NotPermitted
from samlad.core.models import LogEntry
from samlad.events import selectors, services


def test_a_contact_function_registers_an_event_that_everyone_in_the_network_sees(user, event_type):
    event = services.create_event(
        by=user("nacka.kontakt"), title="Vattenläcka Orminge", event_type=event_type("dricksvatten")
    )
    assert event.owner_actor.slug == "nacka"
    assert event in selectors.visible_events(user("polisen.kontakt"))
    assert LogEntry.objects.filter(action="event.created", target_id=str(event.public_id)).exists()


def test_an_event_can_be_planned_six_months_ahead(user, event_type):
    start = timezone.now() + timezone.timedelta(days=182)
    event = services.create_event(
        by=user("polisen.kontakt"),
        title="Stort idrottsevenemang",
        event_type=event_type("stor-planerad-handelse"),
        starts_at=start,
        ends_at=start + timezone.timedelta(days=3),
    )
    assert event.starts_at == start


def test_a_restricted_event_is_seen_only_by_its_owner_and_named_actors(restricted_event, user):
    assert restricted_event in selectors.visible_events(user("sosalarm.kontakt"))
    assert restricted_event not in selectors.visible_events(user("nacka.kontakt"))
    assert restricted_event not in selectors.visible_events(user("tib"))


def test_affected_actors_and_the_lead_actor_are_named_on_the_event(snowstorm):
    assert {a.slug for a in snowstorm.shared_with.all()} == {"nacka", "varmdo", "lansstyrelsen"}


def test_an_event_cannot_end_before_it_starts(user, event_type):
    now = timezone.now()
    with pytest.raises(ValidationError) as error:
        services.create_event(
            by=user("tib"),
            title="X",
            event_type=event_type(),
            starts_at=now,
            ends_at=now - timezone.timedelta(hours=1),
        )
    assert "ends_at" in error.value.message_dict


@pytest.mark.parametrize(
    "area",
    [
        {"type": "Point", "coordinates": [18.07, 59.33]},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [18.07, 59.33]}},
        {
            "type": "Polygon",
            "coordinates": [[[18.0, 59.3], [18.2, 59.3], [18.2, 59.4], [18.0, 59.3]]],
        },
    ],
)
def test_the_place_can_be_a_geojson_point_or_polygon(user, event_type, area):
    event = services.create_event(by=user("tib"), title="Plats", event_type=event_type(), area=area)
    assert event.area["type"] in {"Point", "Polygon"}


@pytest.mark.parametrize(
    "area",
    [
        {"type": "Point", "coordinates": [200, 59]},
        {"type": "LineString", "coordinates": [[18, 59], [18.1, 59.1]]},
        {"type": "Polygon", "coordinates": [[[18.0, 59.3], [18.2, 59.3], [18.2, 59.4]]]},
        "not geojson",
    ],
)
def test_a_malformed_area_gets_a_clear_error(user, event_type, area):
    with pytest.raises(ValidationError) as error:
        services.create_event(by=user("tib"), title="Plats", event_type=event_type(), area=area)
    assert "area" in error.value.message_dict


def test_only_the_owner_the_lead_actor_and_tib_change_an_event(snowstorm, user):
    services.update_event(by=user("rsib"), event=snowstorm, title="Snöoväder, klass 2")
    with pytest.raises(NotPermitted):
        services.update_event(by=user("nacka.kontakt"), event=snowstorm, title="Ändrad")


def test_closing_and_reopening_follow_the_allowed_transitions(snowstorm, user):
    closed = services.close_event(by=user("tib"), event=snowstorm)
    assert closed.status == "closed" and closed.ends_at is not None
    with pytest.raises(ValidationError):
        services.close_event(by=user("tib"), event=closed)
    assert services.reopen_event(by=user("tib"), event=closed).status == "open"


def test_someone_who_cannot_see_an_event_cannot_change_it(restricted_event, user):
    with pytest.raises(NotPermitted):
        services.close_event(by=user("tib"), event=restricted_event)
