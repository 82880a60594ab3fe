"""Helpers for the activation tests."""

from samlad.notify.models import Delivery, DeliveryStatus

SENT = DeliveryStatus.SENT
FAILED = DeliveryStatus.FAILED


def mark(activation, status, *, error="", channel=None):
    """What the notify worker does to the call-out's messages: accept (sent) or fail them."""
    rows = Delivery.objects.filter(topic=activation.topic)
    if channel:
        rows = rows.filter(channel=channel)
    rows.update(status=status, last_error=error, attempts=1)
