"""The outbox: every message Samlad sends (e-mail, SMS, webhook) is first a Delivery row, written
in the same transaction as what caused it. The worker sends pending rows at least once; the
idempotency key (one per recipient, channel and cause) keeps a row from ever being written twice.
A row also points at the record it was written for (its `cause`), so an app finds its own
deliveries by reference, never by reading the key."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from samlad.core.models import PublicIdModel

# In front of an exercise message's subject and body (not a webhook's: its JSON says "exercise").
EXERCISE_MARK = "ÖVNING"


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")
    WEBHOOK = "webhook", _("Webhook")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Accepted")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


class Delivery(PublicIdModel):
    # Not a column: set on the rows the outbox page shows (samlad.notify.sources), the
    # classification that hides the message's text from the viewer, or "".
    hidden_as: str

    idempotency_key = models.CharField(max_length=200, unique=True)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    # An e-mail address, an E.164 number or an https URL, by channel.
    address = models.CharField(max_length=500)
    recipient_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deliveries",
    )
    recipient_actor = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    # What caused it, e.g. "activation:<uuid>" or "notice:<uuid>"; the boards filter on it.
    topic = models.CharField(max_length=100, db_index=True)
    # The record it was written for, of whichever app (a call-out's Recipient, the Webhook a
    # notice or picture went to): Message.cause; a fallback keeps its original's.
    cause_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cause_id = models.PositiveBigIntegerField(null=True, blank=True)
    cause = GenericForeignKey("cause_type", "cause_id")
    exercise = models.BooleanField(default=False)
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField()
    # E-mail attachments: [{"filename", "content_type", "content"}], e.g. an iCalendar invite.
    attachments = models.JSONField(default=list, blank=True)
    # Extra headers (a webhook's signature and event name).
    headers = models.JSONField(default=dict, blank=True)

    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    provider = models.CharField(max_length=40, blank=True)
    provider_message_id = models.CharField(max_length=200, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # A delivery tried on the other channel after this one failed.
    fallback_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="fallbacks"
    )
    # Where to try on the other channel if this one fails (else the recipient user's address).
    fallback_address = models.CharField(max_length=500, blank=True)

    # The claim of the worker sending it (status "sending"): whose, and until when.
    claimed_by = models.CharField(max_length=64, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    # An attempt was cut off (the worker died while sending): before sending again, ask the
    # provider whether it accepted the message. `recovered` counts such interruptions.
    in_doubt = models.BooleanField(default=False)
    recovered = models.PositiveSmallIntegerField(default=0)
    # What the provider later reported (delivery-status callbacks), e.g. "delivered".
    provider_status = models.CharField(max_length=20, blank=True)
    provider_status_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="delivery_due"),
            models.Index(fields=["status", "lease_until"], name="delivery_claimed"),
            # The claim query: one channel's pending rows in the order they are due.
            models.Index(
                fields=["channel", "next_attempt_at", "id"],
                condition=models.Q(status="pending"),
                name="delivery_pending",
            ),
            models.Index(fields=["provider", "provider_message_id"], name="delivery_provider_id"),
            models.Index(fields=["cause_type", "cause_id"], name="delivery_cause"),
        ]

    def __str__(self) -> str:
        return f"{self.channel} → {self.address} ({self.status})"


class ProviderHealth(models.Model):
    """How a channel's provider has been answering lately (samlad.notify.health reads it)."""

    channel = models.CharField(max_length=10, choices=Channel.choices)
    provider = models.CharField(max_length=40)
    consecutive_failures = models.PositiveIntegerField(default=0)
    failing_since = models.DateTimeField(null=True, blank=True)  # first of the current streak
    degraded_since = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_failure_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["channel", "provider"], name="provider_health_once")
        ]

    def __str__(self) -> str:
        return f"{self.channel}/{self.provider}"
