"""One attempt to hand a delivery to its server, and what came of it. Channel senders raise
SendError (samlad.notify.channels.base); `attempt()` turns every ending into an Outcome the
worker records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from samlad.notify.channels.base import Sender
    from samlad.notify.models import Delivery
    from samlad.notify.worker.journal import Journal

from samlad.notify.channels.base import SendError


@dataclass(frozen=True)
class Outcome:
    delivery_id: int
    provider: str
    provider_message_id: str = ""
    error: str = ""
    permanent: bool = False
    in_doubt: bool = False  # carry over to the next attempt
    reconciled: bool = False  # an interrupted attempt turned out to have been accepted

    @property
    def accepted(self) -> bool:
        return not self.error


def attempt(
    sender: Sender,
    delivery: Delivery,
    *,
    journal: Journal | None = None,
    noted: dict[str, str] | None = None,
) -> Outcome:
    """Send one delivery through `sender` (called in a sender thread; no database access).
    An acceptance goes into `journal` at once; a delivery in doubt is first looked up in the
    acceptances `noted` by rounds that died, then (SMS) asked about at the provider."""
    checked = False
    try:
        if delivery.in_doubt and noted and str(delivery.public_id) in noted:
            noted_id = noted[str(delivery.public_id)]
            return Outcome(delivery.id, sender.provider, noted_id, reconciled=True)
        if delivery.in_doubt and sender.can_reconcile:
            found = sender.find_accepted(delivery)
            checked = True
            if found:
                return Outcome(delivery.id, sender.provider, found, reconciled=True)
        message_id = sender.send(delivery)
        if journal is not None:
            journal.note(delivery.public_id, message_id)
        return Outcome(delivery.id, sender.provider, message_id)
    except SendError as error:
        return Outcome(
            delivery.id,
            sender.provider,
            error=error.reason or type(error).__name__,
            permanent=error.permanent,
            in_doubt=error.uncertain or (delivery.in_doubt and not checked),
        )
    except Exception as error:  # any failure is recorded, never lost
        return Outcome(
            delivery.id,
            sender.provider,
            error=f"{type(error).__name__}: {error}"[:1000],
            in_doubt=True,
        )


def attempt_batch(
    sender: Sender,
    deliveries: list[Delivery],
    *,
    journal: Journal | None = None,
    noted: dict[str, str] | None = None,
) -> list[Outcome]:
    """Send several deliveries as one message (`sender.send_batch`); one Outcome each. Those an
    interrupted round noted as accepted are not sent again; every acceptance is journalled the
    moment the server has said yes, in one write."""
    outcomes: list[Outcome] = []
    to_send: list[Delivery] = []
    for delivery in deliveries:
        if delivery.in_doubt and noted and str(delivery.public_id) in noted:
            found = noted[str(delivery.public_id)]
            outcomes.append(Outcome(delivery.id, sender.provider, found, reconciled=True))
        else:
            to_send.append(delivery)
    if len(to_send) == 1:
        return [*outcomes, attempt(sender, to_send[0], journal=journal, noted=noted)]
    if not to_send:
        return outcomes
    results: dict[int, str | SendError]
    try:
        results = sender.send_batch(to_send)
    except SendError as error:
        results = {delivery.id: error for delivery in to_send}
    except Exception as error:  # any failure is recorded, never lost
        failure = SendError(f"{type(error).__name__}: {error}"[:1000], uncertain=True)
        results = {delivery.id: failure for delivery in to_send}
    accepted = [(d.public_id, r) for d in to_send if isinstance(r := results[d.id], str)]
    if journal is not None and accepted:
        journal.note_many(accepted)
    for delivery in to_send:
        result = results[delivery.id]
        if isinstance(result, str):
            outcomes.append(Outcome(delivery.id, sender.provider, result))
        else:
            outcomes.append(
                Outcome(
                    delivery.id,
                    sender.provider,
                    error=result.reason or type(result).__name__,
                    permanent=result.permanent,
                    in_doubt=result.uncertain or delivery.in_doubt,
                )
            )
    return outcomes
