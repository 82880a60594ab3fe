"""Webhooks: POST the delivery's body (JSON) with its headers (the caller signs it); any 2xx
is acceptance. The Idempotency-Key header is the same on every attempt, so a receiver can
recognise a re-send.

The address is checked again at every send, as at registration: https only, and the host must
resolve to public addresses only; the connection goes to an address that was checked
(samlad.notify.channels.outside). A refused address fails for good, nothing sent. Only the status
of a receiver's refusal is kept, never its answer: the webhook's actor reads the error."""

import hashlib
from urllib.parse import urlsplit

from django.conf import settings

from samlad.notify.channels import http, outside
from samlad.notify.channels.base import Sender, SendError
from samlad.notify.models import Delivery


class WebhookSender(Sender):
    channel = "webhook"
    provider = "http"

    def __init__(self) -> None:
        self.concurrency = max(1, int(settings.NOTIFY_HTTP_CONCURRENCY))
        self.http = http.client(concurrency=self.concurrency, outside=True)

    def send(self, delivery: Delivery) -> str:
        if urlsplit(delivery.address).scheme != "https" and not outside.allow_private():
            raise SendError("refused: the address is not https://", permanent=True)
        headers = {
            "Content-Type": "application/json",
            "Idempotency-Key": idempotency_header(delivery.idempotency_key),
            **(delivery.headers or {}),
        }
        try:
            response = http.call(
                self.http,
                "POST",
                delivery.address,
                content=delivery.body.encode(),
                headers=headers,
                error_body=False,
            )
        except outside.RefusedAddress as refused:
            raise SendError(f"refused: {refused}", permanent=True) from refused
        return response.headers.get("x-request-id", "")[:200] or str(response.status_code)

    def close(self) -> None:
        self.http.close()


def idempotency_header(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:40]
