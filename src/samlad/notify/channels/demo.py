"""Demo mode: nothing leaves the platform; the message is kept for the outbox page (/utskick/)."""

from samlad.notify.channels.base import Sender


class DemoSender(Sender):
    provider = "demo"
    concurrency = 4

    def __init__(self, channel: str):
        self.channel = channel

    def send(self, delivery) -> str:
        return f"demo-{delivery.public_id}"
