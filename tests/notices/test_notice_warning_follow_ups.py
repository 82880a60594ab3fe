"""A warning's Update and Cancel reach the event made from it (issue 12, item 3): a line in the
event's log book, the event page links back to the warning, TiB and the people the event's
activation called are told through the outbox, and after a Cancel TiB chooses on the event page
whether the activation is closed or kept."""

import pytest
from django.urls import reverse
from noticekit import cap_alert

from samlad.activation.models import ActivationStatus, Forum
from samlad.activation.services import activate
from samlad.events.models import EventType, LogBookEntry
from samlad.notices.services import warnings
from samlad.notices.services.cap_import import import_cap
from samlad.notify.models import Delivery


@pytest.fixture
def warning(user):
    return import_cap(by=user("tib"), data=cap_alert("smhi_snow_alert.xml")).notice


@pytest.fixture
def event(user, warning, actor):
    return warnings.make_event(
        by=user("tib"),
        notice=warning,
        title=warning.headline,
        event_type=EventType.objects.get(slug="svart-vader"),
        mode="activated",
        affected_actors=[actor("nacka"), actor("varmdo")],
    )


@pytest.fixture
def activation(user, event):
    return activate(
        by=user("tib"),
        forum=Forum.objects.get(slug="regionalt-samordnande-forum"),
        reason="Snöoväder",
        event=event,
    )


def follow_ups() -> Delivery:
    return Delivery.objects.filter(idempotency_key__startswith="warning-follow-up:")


def test_an_update_and_a_cancel_are_written_in_the_events_log_book(user, event):
    import_cap(by=user("tib"), data=cap_alert("smhi_snow_update.xml"))
    import_cap(by=user("tib"), data=cap_alert("smhi_snow_cancel.xml"))
    entries = list(LogBookEntry.objects.filter(event=event).order_by("number"))
    assert len(entries) == 2
    assert "uppdaterad (version 2)" in entries[0].text
    assert "Snömängderna uppjusterade" in entries[0].text
    assert "hävd" in entries[1].text and "Varningen är hävd" in entries[1].text
    assert entries[0].author is None and entries[0].author_actor.slug == "lansstyrelsen"


def test_the_event_page_links_back_to_the_warning_and_shows_the_entries(
    user, event, warning, client_for
):
    import_cap(by=user("tib"), data=cap_alert("smhi_snow_update.xml"))
    page = client_for("nacka.kontakt").get(reverse("events:detail", args=[event.public_id]))
    html = page.content.decode()
    assert reverse("notices:detail", args=[warning.public_id]) in html
    assert "uppdaterad (version 2)" in html


def test_tib_is_told_of_an_update_without_an_activation(user, event):
    import_cap(by=user("tib"), data=cap_alert("smhi_snow_update.xml"))
    told = follow_ups()
    assert told.filter(recipient_user__username="tib", channel="email").exists()
    assert told.filter(recipient_user__username="tib", channel="sms").exists()


def test_the_activations_participants_are_told_of_a_cancel(user, event, activation):
    called = set(activation.recipients.exclude(email="").values_list("email", flat=True))
    assert called
    import_cap(by=user("tib"), data=cap_alert("smhi_snow_update.xml"))
    import_cap(by=user("tib"), data=cap_alert("smhi_snow_cancel.xml"))
    cancel = follow_ups().filter(topic=activation.topic, body__icontains="är hävd")
    assert set(cancel.filter(channel="email").values_list("address", flat=True)) == called
    assert cancel.filter(channel="sms").exists()
    assert activation.code in cancel.filter(channel="email").first().body


def test_after_a_cancel_tib_closes_the_activation_from_the_event_page(
    user, event, activation, warning, client_for
):
    import_cap(by=user("tib"), data=cap_alert("smhi_snow_cancel.xml"))
    client = client_for("tib")
    page = client.get(reverse("events:detail", args=[event.public_id])).content.decode()
    assert "Avsluta aktiveringen" in page and "Behåll aktiveringen" in page
    # Someone else sees no such choice and may not make it.
    other = client_for("nacka.kontakt")
    assert (
        "Avsluta aktiveringen"
        not in other.get(reverse("events:detail", args=[event.public_id])).content.decode()
    )
    choice = {"activation": str(activation.public_id), "choice": "close"}
    url = reverse("notices:after_cancel", args=[warning.public_id])
    assert other.post(url, choice).status_code == 403
    response = client.post(url, choice)
    assert response.status_code == 302
    activation.refresh_from_db()
    assert activation.status == ActivationStatus.CLOSED and activation.closed_by == user("tib")


def test_after_a_cancel_tib_may_keep_the_activation_and_is_not_asked_again(
    user, event, activation, warning, client_for
):
    import_cap(by=user("tib"), data=cap_alert("smhi_snow_cancel.xml"))
    client = client_for("tib")
    url = reverse("notices:after_cancel", args=[warning.public_id])
    client.post(url, {"activation": str(activation.public_id), "choice": "keep"})
    activation.refresh_from_db()
    assert activation.status == ActivationStatus.OPEN
    page = client.get(reverse("events:detail", args=[event.public_id])).content.decode()
    assert "Avsluta aktiveringen" not in page


def test_a_restricted_warning_does_not_write_its_content_into_the_event(user, actor):
    restricted = cap_alert("smhi_snow_alert.xml").replace(
        b"<scope>Public</scope>", b"<scope>Restricted</scope><restriction>P</restriction>"
    )
    notice = import_cap(by=user("tib"), data=restricted).notice
    event = warnings.make_event(
        by=user("tib"),
        notice=notice,
        title="Snö",
        event_type=EventType.objects.get(slug="svart-vader"),
    )
    import_cap(by=user("tib"), data=cap_alert("smhi_snow_update.xml"))
    (entry,) = LogBookEntry.objects.filter(event=event)
    assert "Mycket snö" not in entry.text and "uppjusterade" not in entry.text
