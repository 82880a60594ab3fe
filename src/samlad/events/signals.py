"""Signals other apps listen to. Sent inside the publishing transaction, so a receiver's writes
(e.g. outbox rows for webhooks) commit or roll back with the publication."""

from django.dispatch import Signal

# A consolidated picture version was published: sender=PictureVersion, version=, by=.
post_publish = Signal()
