"""How outside systems meet notices: actors' webhooks, their Atom feed tokens, and the CAP feeds
Samlad polls (e.g. SMHI's warnings)."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samlad.core.models import PublicIdModel


class Webhook(PublicIdModel):
    """An actor's HTTPS endpoint that receives notices and picture versions as signed JSON.

    The secret is kept in the database as it is: signing needs it (HMAC-SHA256), so it cannot be
    hashed. It is shown once when the webhook is registered and never again by any page, API or
    admin; only a fingerprint is displayed."""

    actor = models.ForeignKey("actors.Actor", on_delete=models.CASCADE, related_name="webhooks")
    name = models.CharField(_("name"), max_length=120)
    url = models.URLField(_("URL"), max_length=500)
    secret = models.CharField(max_length=100, editable=False)
    send_notices = models.BooleanField(_("notices"), default=True)
    send_pictures = models.BooleanField(_("picture versions"), default=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["actor__name", "name"]
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self) -> str:
        return f"{self.name} ({self.url})"

    @property
    def fingerprint(self) -> str:
        """Lets an actor tell secrets apart without seeing them."""
        return hashlib.sha256(self.secret.encode()).hexdigest()[:8]


class FeedToken(PublicIdModel):
    """A token an actor gives an outside system to read its Atom feed of notices and their CAP
    alerts. Only its SHA-256 is stored; it reads what the actor may read, nothing confidential."""

    actor = models.ForeignKey("actors.Actor", on_delete=models.CASCADE, related_name="feed_tokens")
    name = models.CharField(_("name"), max_length=120)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["actor__name", "name"]
        verbose_name = _("feed token")
        verbose_name_plural = _("feed tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.actor})"

    @staticmethod
    def hash(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()


class FeedSource(PublicIdModel):
    """A CAP or Atom feed Samlad polls; each alert in it becomes an external notice of `actor`."""

    name = models.CharField(_("name"), max_length=120)
    url = models.URLField(_("URL"), max_length=500)
    actor = models.ForeignKey(
        "actors.Actor",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("imported on behalf of"),
    )
    category = models.ForeignKey(
        "notices.Category", on_delete=models.PROTECT, related_name="+", verbose_name=_("category")
    )
    poll_seconds = models.PositiveIntegerField(_("poll every (seconds)"), default=300)
    is_active = models.BooleanField(_("active"), default=True)
    last_polled_at = models.DateTimeField(_("last polled"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    # Since the first of the polls in a row that all had errors; None while the polls succeed.
    failing_since = models.DateTimeField(_("failing since"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("feed source")
        verbose_name_plural = _("feed sources")

    def __str__(self) -> str:
        return self.name

    @property
    def is_failing(self) -> bool:
        """The last poll had an error (the feed, or an alert in it, could not be read)."""
        return bool(self.last_error)
