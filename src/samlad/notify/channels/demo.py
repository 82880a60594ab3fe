"""Demo mode: nothing leaves the platform; the message is kept for the outbox page (/utskick/)."""

from samlad.notify.channels.base import Sender
from samlad.notify.models import Delivery


class DemoSender(Sender):
    provider = "demo"
    concurrency = 4

    def __init__(self, channel: str) -> None:
        self.channel = channel

    def send(self, delivery: Delivery) -> str:
        return f"demo-{delivery.public_id}"
