"""What every channel sender has."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from samlad.notify.models import Delivery


class SendError(Exception):
    """The server did not accept the message.

    permanent: trying again will not help (an invalid number, a refused address).
    uncertain: the message may have been accepted all the same (a timeout after the request was
    sent); the next attempt asks the provider first, where it can be asked."""

    def __init__(self, reason: str, *, permanent: bool = False, uncertain: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
        self.uncertain = uncertain


class Sender(ABC):
    channel = ""
    provider = ""
    concurrency = 1
    batch_size = 1  # deliveries one message may go to (see EmailSender.send_batch)
    # Whether the provider can be asked if it accepted a message (SMS providers can; SMTP
    # servers and webhook receivers cannot: a re-send carries the same Message-ID or key).
    can_reconcile = False

    @abstractmethod
    def send(self, delivery: Delivery) -> str:
        """Hand the message over; return the provider's id for it. Raises SendError."""

    def batches(self, rows: list[Delivery]) -> list[list[Delivery]]:
        """The rows grouped for sending, each on its own here. A sender that groups several
        also has send_batch(rows) -> {row id: provider id or SendError} (see EmailSender)."""
        return [[row] for row in rows]

    def send_batch(self, rows: list[Delivery]) -> dict[int, str | SendError]:
        """Hand one message to several rows' recipients: {row id: provider id or SendError}.
        Only senders whose batch_size is above 1 are asked."""
        raise NotImplementedError

    def find_accepted(self, delivery: Delivery) -> str | None:
        """The provider's id of this message if it was accepted earlier, else None."""
        return None

    def close(self) -> None:  # noqa: B027 (a hook: most senders hold no connection)
        """Close connections."""
