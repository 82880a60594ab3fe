"""Webhooks: registered by an actor's permission administrator for its own actor, HTTPS to a public
address only (outside test settings), receiving notices and picture versions as JSON signed with
HMAC-SHA256 over the body; their delivery log, and being marked failing."""

import hashlib
import hmac
import importlib
import json

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.test import override_settings
from rest_framework.test import APIClient

from samlad.core.errors import NotPermitted
from samlad.notices.services import webhooks
from samlad.notices.services.notices import correct_notice, publish_notice
from samlad.notices.urlcheck import check_outside_url
from samlad.notify.models import Delivery

PUBLIC = "https://93.184.215.14/samlad"


@pytest.fixture
def hook(user):
    """Nacka's webhook and its secret."""
    return webhooks.register_webhook(by=user("nacka.admin"), name="Nackas ledningsstöd", url=PUBLIC)


def verify(delivery: Delivery, secret: str) -> dict:
    """What a receiver does: recompute the HMAC over the raw body and compare."""
    expected = hmac.new(secret.encode(), delivery.body.encode(), hashlib.sha256).hexdigest()
    assert hmac.compare_digest(delivery.headers["X-Samlad-Signature"], f"sha256={expected}")
    return json.loads(delivery.body)


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://93.184.215.14/hook", "HTTPS"),
        ("ftp://93.184.215.14/hook", "https://"),
        ("https://127.0.0.1/hook", "127.0.0.1"),
        ("https://localhost:8443/hook", "loopback"),
        ("https://[::1]/hook", "::1"),
        ("https://10.20.30.40/hook", "10.20.30.40"),
        ("https://192.168.1.5/hook", "privat"),
        ("https://169.254.169.254/latest/meta-data", "169.254.169.254"),
        ("https://user:pw@93.184.215.14/hook", "användarnamn"),
    ],
)
def test_a_webhook_url_that_is_not_https_or_not_public_is_refused(url, why):
    with pytest.raises(ValidationError) as error:
        check_outside_url(url)
    assert why in " ".join(error.value.messages)


def test_a_public_https_url_is_accepted():
    assert check_outside_url(PUBLIC) == PUBLIC


@override_settings(SAMLAD_WEBHOOKS_ALLOW_PRIVATE=True)
def test_test_settings_may_allow_local_servers():
    assert check_outside_url("http://127.0.0.1:8765/hook") == "http://127.0.0.1:8765/hook"


def test_the_api_answers_a_private_url_with_a_clear_400(user):
    client = APIClient()
    client.force_authenticate(user("nacka.admin"))
    response = client.post(
        "/api/v1/webhooks/", {"name": "Intern", "url": "https://10.0.0.8/hook"}, format="json"
    )
    assert response.status_code == 400
    assert "10.0.0.8" in " ".join(response.json()["errors"]["url"])


def test_the_page_shows_the_url_error_on_the_form(client_for):
    response = client_for("nacka.admin").post(
        "/underrattelser/webhooks/", {"name": "Intern", "url": "http://example.org/hook"}
    )
    assert response.status_code == 200
    assert "HTTPS" in response.content.decode()


def test_only_the_actors_permission_administrator_registers(user):
    with pytest.raises(NotPermitted):
        webhooks.register_webhook(by=user("nacka.kontakt"), name="x", url=PUBLIC)


def test_the_secret_is_shown_once(user):
    client = APIClient()
    client.force_authenticate(user("nacka.admin"))
    created = client.post("/api/v1/webhooks/", {"name": "System", "url": PUBLIC}, format="json")
    assert created.status_code == 201 and len(created.json()["secret"]) >= 40
    listed = client.get("/api/v1/webhooks/").json()
    assert "secret" not in listed[0] and listed[0]["secret_fingerprint"]
    one = client.get(f"/api/v1/webhooks/{created.json()['id']}/").json()
    assert "secret" not in one


def test_another_actors_webhook_is_not_found(user, hook):
    client = APIClient()
    client.force_authenticate(user("polisen.admin"))
    webhook, _secret = hook
    assert client.get(f"/api/v1/webhooks/{webhook.public_id}/").status_code == 404
    assert client.delete(f"/api/v1/webhooks/{webhook.public_id}/").status_code == 404
    assert client.get("/api/v1/webhooks/").json() == []


def test_a_notice_reaches_the_webhook_signed(user, category, hook):
    webhook, secret = hook
    notice = publish_notice(by=user("tib"), headline="Snö", text="20 cm", category=category())
    delivery = Delivery.objects.get(topic=f"notice:{notice.public_id}", channel="webhook")
    assert delivery.address == PUBLIC and delivery.recipient_actor == webhook.actor
    assert delivery.headers["X-Samlad-Event"] == "notice.published"
    payload = verify(delivery, secret)
    assert payload["id"] == str(notice.public_id) and payload["headline"] == "Snö"
    assert payload["type"] == "notice.published" and payload["version"] == 1


def test_a_correction_reaches_the_webhook_as_an_update(user, category, hook):
    _webhook, secret = hook
    notice = publish_notice(by=user("tib"), headline="Snö", text="20 cm", category=category())
    correct_notice(by=user("tib"), notice=notice, text="30 cm", change_note="Mer snö")
    update = Delivery.objects.get(idempotency_key__contains=":v2:webhook:")
    assert update.headers["X-Samlad-Event"] == "notice.updated"
    assert verify(update, secret)["change_note"] == "Mer snö"


def test_a_tampered_body_fails_verification(user, category, hook):
    _webhook, secret = hook
    publish_notice(by=user("tib"), headline="Snö", text="20 cm", category=category())
    delivery = Delivery.objects.get(channel="webhook")
    delivery.body = delivery.body.replace("20 cm", "0 cm")
    with pytest.raises(AssertionError):
        verify(delivery, secret)


def test_a_restricted_notice_reaches_only_the_named_actors_webhooks(user, actor, category, hook):
    police_hook, _ = webhooks.register_webhook(by=user("polisen.admin"), name="RLC", url=PUBLIC)
    notice = publish_notice(
        by=user("polisen.kontakt"),
        headline="Hot",
        text="Intern",
        category=category("sakerhet"),
        classification="restricted",
        shared_with=[actor("sosalarm")],
    )
    sent_to = set(
        Delivery.objects.filter(topic=f"notice:{notice.public_id}", channel="webhook").values_list(
            "recipient_actor__slug", flat=True
        )
    )
    assert sent_to == {"polisen"}


def test_an_exercise_notice_is_marked_in_the_json(user, category, hook):
    _webhook, secret = hook
    publish_notice(
        by=user("tib"), headline="Övning", text="x", category=category(), is_exercise=True
    )
    payload = verify(Delivery.objects.get(channel="webhook"), secret)
    assert payload["exercise"] is True and payload["headline"].startswith("ÖVNING")


def test_a_published_picture_version_reaches_the_webhooks(user, snowstorm, hook):
    from samlad.events import services
    from samlad.events.services.pictures import draft_for

    _webhook, secret = hook
    tib = user("tib")
    draft = services.save_picture_draft(
        by=tib,
        event=snowstorm,
        revision=draft_for(snowstorm).revision,
        summary="Läget är ansträngt",
    )
    version = services.publish_picture(by=tib, event=snowstorm, revision=draft.revision)
    delivery = Delivery.objects.get(topic=f"picture:{version.public_id}")
    assert delivery.headers["X-Samlad-Event"] == "picture.published"
    payload = verify(delivery, secret)
    assert payload["number"] == 1 and payload["summary"] == "Läget är ansträngt"
    assert payload["event"]["id"] == str(snowstorm.public_id)


def test_a_restricted_events_picture_goes_only_to_its_actors(user, actor, hook):
    from samlad.events import services
    from samlad.events.models import EventType
    from samlad.events.services.pictures import draft_for

    event = services.create_event(
        by=user("tib"),
        title="Intern lägesbild",
        event_type=EventType.objects.get(slug="ovrigt"),
        classification="restricted",
        shared_with=[actor("polisen")],
    )
    webhooks.register_webhook(by=user("polisen.admin"), name="RLC", url=PUBLIC)
    tib = user("tib")
    draft = services.save_picture_draft(
        by=tib, event=event, revision=draft_for(event).revision, summary="Läget"
    )
    version = services.publish_picture(by=tib, event=event, revision=draft.revision)
    sent_to = set(
        Delivery.objects.filter(topic=f"picture:{version.public_id}").values_list(
            "recipient_actor__slug", flat=True
        )
    )
    assert sent_to == {"polisen"}


def _deliver_and_fail(user, category, count: int):
    for number in range(count):
        publish_notice(by=user("tib"), headline=f"Nr {number}", text="x", category=category())
    # What the notify worker does with an endpoint that stays down: retries, then gives up.
    Delivery.objects.filter(channel="webhook").update(
        status="failed", attempts=5, last_error="Connection refused"
    )


def test_a_webhook_whose_latest_deliveries_failed_is_marked_failing(user, category, hook):
    webhook, _ = hook
    _deliver_and_fail(user, category, 2)
    assert not webhooks.is_failing(webhook)
    _deliver_and_fail(user, category, 1)
    assert webhooks.is_failing(webhook)


def test_the_actor_sees_the_failures_in_the_delivery_log(client_for, user, category, hook):
    webhook, _ = hook
    _deliver_and_fail(user, category, 3)
    page = client_for("nacka.admin").get(f"/underrattelser/webhooks/{webhook.public_id}/")
    text = page.content.decode()
    assert "Fungerar inte" in text and "Connection refused" in text
    listing = client_for("nacka.admin").get("/underrattelser/webhooks/").content.decode()
    assert "Fungerar inte" in listing
    client = APIClient()
    client.force_authenticate(user("nacka.admin"))
    log = client.get(f"/api/v1/webhooks/{webhook.public_id}/deliveries/").json()
    assert log["count"] == 3
    assert {(d["status"], d["attempts"], d["last_error"]) for d in log["results"]} == {
        ("failed", 5, "Connection refused")
    }
    assert client.get(f"/api/v1/webhooks/{webhook.public_id}/").json()["failing"] is True


def test_registering_on_the_page_shows_the_secret_once(client_for):
    client = client_for("nacka.admin")
    response = client.post("/underrattelser/webhooks/", {"name": "System", "url": PUBLIC})
    assert response.status_code == 302
    first = client.get(response["Location"]).content.decode()
    again = client.get(response["Location"]).content.decode()
    assert "bara visas nu" in first and "bara visas nu" not in again


def test_a_removed_webhook_gets_nothing_more(user, category, hook):
    webhook, _ = hook
    webhooks.remove_webhook(by=user("nacka.admin"), webhook=webhook)
    publish_notice(by=user("tib"), headline="Snö", text="x", category=category())
    assert not Delivery.objects.filter(channel="webhook").exists()


def test_the_contact_function_cannot_open_the_webhook_pages(client_for):
    assert client_for("nacka.kontakt").get("/underrattelser/webhooks/").status_code == 403


def test_webhook_messages_written_before_causes_keep_their_delivery_log(user, category, hook):
    webhook, _ = hook
    publish_notice(by=user("tib"), headline="Snö", text="x", category=category())
    written = Delivery.objects.filter(channel="webhook")
    assert written.count() == 1
    written.update(cause_type=None, cause_id=None)

    migration = importlib.import_module("samlad.notices.migrations.0005_webhook_delivery_causes")
    migration.fill_causes(apps, None)

    assert list(webhooks.deliveries(webhook)) == list(written)
