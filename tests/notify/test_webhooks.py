"""Webhooks: the body is POSTed as JSON with the caller's headers and a stable Idempotency-Key;
a 2xx is acceptance, anything else is retried."""

import json

import pytest
from django.test import override_settings
from provider_server import ProviderServer

from samlad.notify import outbox
from samlad.notify.channels.webhook import idempotency_header
from samlad.notify.models import DeliveryStatus


@pytest.mark.django_db
def test_a_webhook_is_posted_as_json_with_its_signature_header(quick_retries, send_all):
    body = json.dumps({"type": "notice.published", "headline": "Snöoväder"}, ensure_ascii=False)
    with ProviderServer() as server:
        delivery = outbox.enqueue(
            key="hook:1",
            channel="webhook",
            address=f"{server.url}/hooks/kommun",
            topic="notice:1",
            body=body,
            headers={"X-Samlad-Signature": "sha256=abc", "X-Samlad-Event": "notice.published"},
        )
        send_all()
        (hook,) = server.hooks
    assert json.loads(hook.body) == {"type": "notice.published", "headline": "Snöoväder"}
    assert hook.headers["content-type"] == "application/json"
    assert hook.headers["x-samlad-signature"] == "sha256=abc"
    assert hook.headers["idempotency-key"] == idempotency_header("hook:1")
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT


@pytest.mark.django_db
def test_a_failing_webhook_receiver_is_retried_until_it_accepts(quick_retries, send_all):
    with ProviderServer(fail_share=0.5, seed=11) as server:
        for n in range(10):
            outbox.enqueue(
                key=f"hook:{n}",
                channel="webhook",
                address=f"{server.url}/hooks/{n}",
                topic="notice:2",
                body="{}",
            )
        send_all(timeout=30)
        assert server.state.failed > 0
        assert sorted(hook.path for hook in server.hooks) == sorted(
            f"/hooks/{n}" for n in range(10)
        )


@pytest.mark.django_db
def test_a_webhook_receiver_that_is_down_ends_failed_with_the_reason(quick_retries, send_all):
    with ProviderServer() as server:
        server.down()
        with override_settings(NOTIFY_MAX_ATTEMPTS=3):
            delivery = outbox.enqueue(
                key="hook:down",
                channel="webhook",
                address=f"{server.url}/hooks/x",
                topic="notice:3",
                body="{}",
            )
            send_all(timeout=30)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 3)
    assert "cannot connect" in delivery.last_error
    assert not delivery.fallbacks.exists()
