"""SMS through a provider (46elks or Twilio, see NOTIFY_SMS_PROVIDER). A provider sends one text
to one number and can be asked whether it accepted a given text earlier."""

from datetime import datetime
from typing import Protocol

from django.conf import settings

from samlad.notify import channels
from samlad.notify.channels.base import Sender
from samlad.notify.models import Delivery


class SmsProvider(Protocol):
    """What SmsSender needs of a provider (Elks46, Twilio)."""

    name: str
    concurrency: int

    def send(self, *, to: str, text: str) -> str: ...

    def find_accepted(self, *, to: str, text: str, since: datetime) -> str | None: ...

    def close(self) -> None: ...


class SmsSender(Sender):
    channel = "sms"
    can_reconcile = True

    def __init__(self, provider: SmsProvider) -> None:
        self.sms = provider
        self.provider = provider.name
        self.concurrency = provider.concurrency

    @classmethod
    def configured(cls) -> "SmsSender":
        return cls(provider_named(channels.sms_provider_name()))

    def send(self, delivery: Delivery) -> str:
        return self.sms.send(to=delivery.address, text=delivery.body)

    def find_accepted(self, delivery: Delivery) -> str | None:
        return self.sms.find_accepted(
            to=delivery.address, text=delivery.body, since=_since(delivery)
        )

    def close(self) -> None:
        self.sms.close()


def provider_named(name: str) -> SmsProvider:
    from samlad.notify.channels.elks46 import Elks46
    from samlad.notify.channels.twilio import Twilio

    concurrency = max(1, int(settings.NOTIFY_HTTP_CONCURRENCY))
    providers: dict[str, type[Elks46] | type[Twilio]] = {"46elks": Elks46, "twilio": Twilio}
    if name not in providers:
        raise ValueError(f"unknown SMS provider {name!r} (NOTIFY_SMS_PROVIDER)")
    return providers[name](concurrency=concurrency)


def same_text(one: str, other: str) -> bool:
    """Providers may hand a text back with other line endings or trailing space."""
    return _normal(one) == _normal(other)


def _normal(text: str) -> str:
    return "\n".join(
        line.rstrip() for line in (text or "").replace("\r\n", "\n").split("\n")
    ).strip()


def _since(delivery: Delivery) -> datetime:
    # The message cannot have been accepted before its row existed.
    return delivery.created_at
