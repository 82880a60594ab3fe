"""Webhooks: POST the delivery's body (JSON) with its headers (the caller signs it); any 2xx
is acceptance. The Idempotency-Key header is the same on every attempt, so a receiver can
recognise a re-send."""

import hashlib

from samlad.notify import conf
from samlad.notify.channels import http
from samlad.notify.channels.base import Sender


class WebhookSender(Sender):
    channel = "webhook"
    provider = "http"

    def __init__(self):
        self.concurrency = max(1, int(conf.get("NOTIFY_HTTP_CONCURRENCY")))
        self.http = http.client(concurrency=self.concurrency)

    def send(self, delivery) -> str:
        headers = {
            "Content-Type": "application/json",
            "Idempotency-Key": idempotency_header(delivery.idempotency_key),
            **(delivery.headers or {}),
        }
        response = http.call(
            self.http, "POST", delivery.address, content=delivery.body.encode(), headers=headers
        )
        return response.headers.get("x-request-id", "")[:200] or str(response.status_code)

    def close(self) -> None:
        self.http.close()


def idempotency_header(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:40]
