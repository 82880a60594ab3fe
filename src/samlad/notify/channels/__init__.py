"""The channels a delivery can go out on. Each sender hands one message to one server and is
used from several threads at once; `open_senders()` gives the set for one round of sending."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from django.conf import settings

from samlad.notify.models import Channel

if TYPE_CHECKING:
    from samlad.notify.channels.base import Sender


def build_senders() -> "dict[str, Sender]":
    """A sender for each channel, as configured (or the demo outbox)."""
    from samlad.notify.channels.demo import DemoSender
    from samlad.notify.channels.email import EmailSender
    from samlad.notify.channels.sms import SmsSender
    from samlad.notify.channels.webhook import WebhookSender

    if demo_outbox():
        return {channel: DemoSender(channel) for channel in Channel.values}
    sms: Sender = (
        DemoSender(Channel.SMS) if sms_provider_name() == "demo" else SmsSender.configured()
    )
    return {
        Channel.EMAIL: EmailSender(),
        Channel.SMS: sms,
        Channel.WEBHOOK: WebhookSender(),
    }


def provider_names() -> dict[str, str]:
    """The provider each channel uses now, e.g. {"sms": "46elks"}, without opening anything."""
    if demo_outbox():
        return {channel: "demo" for channel in Channel.values}
    return {Channel.EMAIL: "smtp", Channel.SMS: sms_provider_name(), Channel.WEBHOOK: "http"}


def demo_outbox() -> bool:
    """True when messages stay in the built-in outbox instead of leaving the platform."""
    value = settings.NOTIFY_DEMO_OUTBOX
    return bool(settings.DEMO_MODE) if value is None else bool(value)


def sms_provider_name() -> str:
    if demo_outbox():
        return "demo"
    return str(settings.NOTIFY_SMS_PROVIDER or "46elks")


@contextmanager
def open_senders() -> "Iterator[dict[str, Sender]]":
    senders = build_senders()
    try:
        yield senders
    finally:
        for sender in senders.values():
            sender.close()
