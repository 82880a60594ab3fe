"""What every channel sender has."""

from abc import ABC, abstractmethod


class Sender(ABC):
    channel = ""
    provider = ""
    concurrency = 1
    batch_size = 1  # deliveries send_batch() takes at most
    # Whether the provider can be asked if it accepted a message (SMS providers can; SMTP
    # servers and webhook receivers cannot: a re-send carries the same Message-ID or key).
    can_reconcile = False

    @abstractmethod
    def send(self, delivery) -> str:
        """Hand the message over; return the provider's id for it. Raises SendError."""

    def batches(self, rows: list) -> list[list]:
        """The rows grouped for sending: a group of several goes to send_batch() in one go."""
        return [[row] for row in rows]

    def send_batch(self, rows: list) -> dict:
        """Hand one message to the server for all rows at once (see EmailSender)."""
        raise NotImplementedError

    def find_accepted(self, delivery) -> str | None:
        """The provider's id of this message if it was accepted earlier, else None."""
        return None

    def close(self) -> None:  # noqa: B027 (a hook: most senders hold no connection)
        """Close connections."""
