"""Information notices (informationsunderrättelser): a notice's current state, every version it
was sent in (published, corrected, withdrawn) and who it reached."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samlad.core.models import Classified, PublicIdModel


class CapCategory(models.TextChoices):
    """The event categories of CAP 1.2 (<info><category>)."""

    GEO = "Geo", _("Geophysical")
    MET = "Met", _("Meteorological")
    SAFETY = "Safety", _("Public safety")
    SECURITY = "Security", _("Security")
    RESCUE = "Rescue", _("Rescue")
    FIRE = "Fire", _("Fire")
    HEALTH = "Health", _("Health")
    ENV = "Env", _("Environment")
    TRANSPORT = "Transport", _("Transport")
    INFRA = "Infra", _("Infrastructure")
    CBRNE = "CBRNE", _("CBRNE")
    OTHER = "Other", _("Other")


class Category(PublicIdModel):
    """A category of notices (kategori), e.g. weather warnings; users choose which they receive."""

    slug = models.SlugField(max_length=40, unique=True)
    name_sv = models.CharField(_("name (Swedish)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    cap_category = models.CharField(
        _("CAP category"), max_length=10, choices=CapCategory.choices, default=CapCategory.OTHER
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["name_sv"]
        verbose_name = _("notice category")
        verbose_name_plural = _("notice categories")

    def __str__(self) -> str:
        return self.name_sv


class Urgency(models.TextChoices):
    IMMEDIATE = "Immediate", _("Immediate")
    EXPECTED = "Expected", _("Expected")
    FUTURE = "Future", _("Future")
    PAST = "Past", _("Past")
    UNKNOWN = "Unknown", _("Unknown")


class Severity(models.TextChoices):
    EXTREME = "Extreme", _("Extreme")
    SEVERE = "Severe", _("Severe")
    MODERATE = "Moderate", _("Moderate")
    MINOR = "Minor", _("Minor")
    UNKNOWN = "Unknown", _("Unknown")


class Certainty(models.TextChoices):
    OBSERVED = "Observed", _("Observed")
    LIKELY = "Likely", _("Likely")
    POSSIBLE = "Possible", _("Possible")
    UNLIKELY = "Unlikely", _("Unlikely")
    UNKNOWN = "Unknown", _("Unknown")


class NoticeStatus(models.TextChoices):
    """A notice is stored active or withdrawn; it reads as expired (never stored: computed from
    the clock) once its valid_until has passed, so no job has to run for it to expire."""

    ACTIVE = "active", _("Active")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Expired")


class Notice(Classified, PublicIdModel):
    """An information notice. `owner_actor` is the publishing actor (for an imported CAP alert,
    the actor that imported it). The content here is the latest version's."""

    headline = models.CharField(_("headline"), max_length=200)
    text = models.TextField(_("text"))
    headline_en = models.CharField(_("headline in English"), max_length=200, blank=True)
    text_en = models.TextField(_("text in English"), blank=True)
    instruction = models.TextField(_("instruction"), blank=True)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="notices", verbose_name=_("category")
    )
    event = models.ForeignKey(
        "events.Event",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notices",
        verbose_name=_("event"),
    )
    municipalities = models.ManyToManyField(
        "actors.Actor", blank=True, related_name="+", verbose_name=_("municipalities concerned")
    )
    area_description = models.CharField(_("area"), max_length=300, blank=True)
    # The counties (länskod, e.g. "01") the notice names as a whole, and the area's polygons as
    # a GeoJSON MultiPolygon (WGS 84 longitude/latitude), e.g. from an SMHI warning.
    county_codes = models.JSONField(_("counties"), default=list, blank=True)
    polygons = models.JSONField(_("area (GeoJSON)"), null=True, blank=True)
    is_exercise = models.BooleanField(_("exercise"), default=False)
    valid_from = models.DateTimeField(_("valid from"), null=True, blank=True)
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)
    urgency = models.CharField(max_length=10, choices=Urgency.choices, default=Urgency.UNKNOWN)
    severity = models.CharField(max_length=10, choices=Severity.choices, default=Severity.UNKNOWN)
    certainty = models.CharField(
        max_length=10, choices=Certainty.choices, default=Certainty.UNKNOWN
    )
    status = models.CharField(
        _("status"), max_length=10, choices=NoticeStatus.choices, default=NoticeStatus.ACTIVE
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    published_at = models.DateTimeField(_("published"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # An imported CAP alert: who sent it (e.g. SMHI) and from which feed.
    is_external = models.BooleanField(_("external"), default=False)
    external_sender_name = models.CharField(_("sent by"), max_length=200, blank=True)
    source = models.ForeignKey(
        "notices.FeedSource", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["-published_at", "-id"], name="notice_newest")]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def __str__(self) -> str:
        return f"ÖVNING – {self.headline}" if self.is_exercise else self.headline

    @property
    def is_withdrawn(self) -> bool:
        return self.status == NoticeStatus.WITHDRAWN

    @property
    def is_expired(self) -> bool:
        """Its time is over (valid_until has passed) and it was not withdrawn."""
        return (
            not self.is_withdrawn
            and self.valid_until is not None
            and self.valid_until <= timezone.now()
        )

    @property
    def current_status(self) -> str:
        """active, expired or withdrawn, as of now."""
        return NoticeStatus.EXPIRED if self.is_expired else self.status

    def get_current_status_display(self) -> str:
        return NoticeStatus(self.current_status).label


class MessageType(models.TextChoices):
    """CAP's msgType: published, corrected, withdrawn."""

    ALERT = "Alert", _("Published")
    UPDATE = "Update", _("Corrected")
    CANCEL = "Cancel", _("Withdrawn")


class NoticeRevision(models.Model):
    """One version of a notice as it was sent: one CAP message each, never changed. Imported
    alerts keep their own sender and identifier; the pair deduplicates imports within what one
    actor (or feed source) imported and lets Update and Cancel messages find what they refer to.
    It is not unique across actors: what one actor imports never hides another's import."""

    notice = models.ForeignKey(Notice, on_delete=models.PROTECT, related_name="revisions")
    number = models.PositiveIntegerField(_("version"))
    msg_type = models.CharField(max_length=6, choices=MessageType.choices)
    sent_at = models.DateTimeField(_("sent"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    change_note = models.TextField(_("what changed"), blank=True)
    content = models.JSONField(default=dict)
    cap_sender = models.CharField(max_length=200)
    cap_identifier = models.CharField(max_length=200)
    cap_xml = models.TextField()

    class Meta:
        ordering = ["notice", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["notice", "number"], name="notice_revision_number"),
        ]
        indexes = [models.Index(fields=["cap_sender", "cap_identifier"], name="cap_message")]

    def __str__(self) -> str:
        return f"{self.notice_id} v{self.number} {self.msg_type}"

    @property
    def cap_reference(self) -> str:
        """How a later CAP message refers to this one: sender,identifier,sent."""
        from samlad.notices.cap.times import cap_time

        return f"{self.cap_sender},{self.cap_identifier},{cap_time(self.sent_at)}"


class RecipientTiming(models.TextChoices):
    IMMEDIATE = "immediate", _("At once")
    DIGEST = "digest", _("In a digest")


class NoticeRecipient(models.Model):
    """Someone (a user on a channel, or a webhook) the notice reached when it was published.
    Corrections and withdrawals go to exactly these again."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="recipients")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    webhook = models.ForeignKey(
        "notices.Webhook", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    channel = models.CharField(max_length=10)
    timing = models.CharField(
        max_length=10, choices=RecipientTiming.choices, default=RecipientTiming.IMMEDIATE
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["notice", "user", "channel"],
                condition=models.Q(user__isnull=False),
                name="notice_user_channel_once",
            ),
            models.UniqueConstraint(
                fields=["notice", "webhook"],
                condition=models.Q(webhook__isnull=False),
                name="notice_webhook_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.notice_id} → {self.user_id or self.webhook_id} ({self.channel})"
