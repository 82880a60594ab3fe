"""SMS replies that arrive through a provider's inbound webhook are handed to the apps waiting
for them (an activation's call-out waits for answers). An app registers a handler in its
AppConfig.ready(); a handler returns None when the message is not its own, otherwise the text of
a reply to send back ("" for no reply)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class InboundSms:
    sender: str  # E.164
    text: str
    received_at: datetime
    provider: str
    provider_message_id: str = ""


Handler = Callable[[InboundSms], str | None]
HANDLERS: list[Handler] = []


def register(handler: Handler) -> Handler:
    if handler not in HANDLERS:
        HANDLERS.append(handler)
    return handler


def dispatch(message: InboundSms) -> str | None:
    """Give the message to each handler in turn; the first that takes it answers."""
    for handler in HANDLERS:
        reply = handler(message)
        if reply is not None:
            return reply
    return None
