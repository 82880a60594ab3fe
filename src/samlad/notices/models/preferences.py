"""Notification settings (aviseringsinställningar): per user and channel, which notices arrive,
and how; the events a user follows; notices waiting for the next digest."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samlad.notices.models.notices import Category, Notice, RecipientTiming


class PreferenceChannel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")


class Scope(models.TextChoices):
    ALL = "all", _("All notices")
    FOLLOWED = "followed", _("Only notices about events I follow")


class NotificationPreference(models.Model):
    """One user's setting for one channel. No row, or `enabled` off: nothing on that channel."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_preferences"
    )
    channel = models.CharField(_("channel"), max_length=10, choices=PreferenceChannel.choices)
    enabled = models.BooleanField(_("receive notices"), default=False)
    all_categories = models.BooleanField(_("all categories"), default=True)
    categories = models.ManyToManyField(
        Category, blank=True, related_name="+", verbose_name=_("categories")
    )
    scope = models.CharField(
        _("which notices"), max_length=10, choices=Scope.choices, default=Scope.ALL
    )
    timing = models.CharField(
        _("when"), max_length=10, choices=RecipientTiming.choices, default=RecipientTiming.IMMEDIATE
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["user", "channel"]
        constraints = [
            models.UniqueConstraint(fields=["user", "channel"], name="one_preference_per_channel"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.channel}: {'on' if self.enabled else 'off'}"


class EventFollow(models.Model):
    """A user follows an event: notices about it reach them when they chose only those."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_events"
    )
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="followers")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "event"], name="follow_event_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.event_id}"


class DigestItem(models.Model):
    """A notice version waiting for a user's next digest on one channel."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    channel = models.CharField(max_length=10, choices=PreferenceChannel.choices)
    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="+")
    version = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)
    digest_key = models.CharField(max_length=200, blank=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "channel", "notice", "version"], name="digest_item_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.channel} {self.notice_id} v{self.version}"
