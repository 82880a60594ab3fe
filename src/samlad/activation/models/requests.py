"""Activation requests (begäran om aktivering): any actor's contact function asks TiB to
activate regional cooperation; TiB activates or declines with a reason the requester sees."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samlad.core.models import PublicIdModel


class Urgency(models.TextChoices):
    IMMEDIATE = "immediate", _("At once")
    WITHIN_HOUR = "within_hour", _("Within an hour")
    TODAY = "today", _("During the day")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting TiB")
    ACTIVATED = "activated", _("Activated")
    DECLINED = "declined", _("Declined")


class ActivationRequest(PublicIdModel):
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requesting_actor = models.ForeignKey(
        "actors.Actor",
        on_delete=models.PROTECT,
        related_name="activation_requests",
        verbose_name=_("requested by"),
    )
    reason = models.TextField(_("reason"))
    suggested_forum = models.ForeignKey(
        "activation.Forum",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("suggested forum"),
    )
    urgency = models.CharField(
        _("urgency"), max_length=12, choices=Urgency.choices, default=Urgency.IMMEDIATE
    )
    event = models.ForeignKey(
        "events.Event",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("event"),
    )
    is_exercise = models.BooleanField(_("exercise"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("activation request")
        verbose_name_plural = _("activation requests")

    def __str__(self) -> str:
        return f"{self.requesting_actor}: {self.reason[:40]}"
