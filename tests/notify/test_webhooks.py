"""Webhooks: the body is POSTed as JSON with the caller's headers and a stable Idempotency-Key;
a 2xx is acceptance, anything else is retried. The address is checked again at every send: a
name that now resolves to an internal address is never connected to; a receiver's error answer is
not kept, only its status."""

import json
import socket
import threading

import pytest
from django.test import override_settings
from provider_server import ProviderServer

from samlad.notify import outbox
from samlad.notify.channels.webhook import idempotency_header
from samlad.notify.models import DeliveryStatus

# The local test servers are on loopback: allowed here, except where a test says otherwise.
pytestmark = pytest.mark.usefixtures("local_receivers")


@pytest.fixture
def local_receivers():
    with override_settings(SAMLAD_WEBHOOKS_ALLOW_PRIVATE=True):
        yield


class Listener:
    """A TCP port on loopback that counts the connections made to it (and answers none)."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _address = self.socket.accept()
            except OSError:
                return
            self.connections += 1
            connection.close()

    def close(self):
        self.socket.close()


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


@pytest.mark.django_db
@pytest.mark.parametrize("host", ["localhost", "127.0.0.1"])
def test_a_webhook_whose_host_resolves_to_loopback_when_sent_is_refused_unconnected(
    quick_retries, send_all, host
):
    """As after DNS rebinding: the address passed the check when it was registered, but the name
    resolves to an internal address when the message is sent."""
    listener = Listener()
    try:
        with override_settings(SAMLAD_WEBHOOKS_ALLOW_PRIVATE=False):
            delivery = outbox.enqueue(
                key=f"hook:rebound:{host}",
                channel="webhook",
                address=f"https://{host}:{listener.port}/hooks/x",
                topic="notice:4",
                body="{}",
            )
            send_all()
    finally:
        listener.close()
    assert listener.connections == 0
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 1)
    assert "127.0.0.1" in delivery.last_error and "not a public address" in delivery.last_error


@pytest.mark.django_db
def test_a_webhook_to_a_plain_http_address_is_refused_when_sent(quick_retries, send_all):
    with ProviderServer() as server, override_settings(SAMLAD_WEBHOOKS_ALLOW_PRIVATE=False):
        delivery = outbox.enqueue(
            key="hook:http",
            channel="webhook",
            address=f"{server.url}/hooks/x",
            topic="n:5",
            body="",
        )
        send_all()
        assert server.hooks == []
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED and "https" in delivery.last_error


@pytest.mark.django_db
def test_a_webhook_receivers_error_answer_is_not_kept_only_its_status(quick_retries, send_all):
    with ProviderServer(fail_share=1.0) as server, override_settings(NOTIFY_MAX_ATTEMPTS=1):
        delivery = outbox.enqueue(
            key="hook:503", channel="webhook", address=f"{server.url}/hooks/x", topic="n:6", body=""
        )
        send_all()
        assert server.state.failed == 1
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.last_error == "HTTP 503"
