"""Approved minutes: each approval locks what was read out as a numbered, immutable version."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samlad.core.models import AppendOnlyError, PublicIdModel


class MinutesVersion(PublicIdModel):
    """Minnesanteckningar as approved: agenda and notes, attendance list, action items, decisions
    and raised matters as they stood (`content`, see meetings.minutes.content)."""

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.PROTECT, related_name="minutes_versions"
    )
    number = models.PositiveIntegerField(_("version"))
    content = models.JSONField()
    approved_at = models.DateTimeField(_("approved"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    approving_actor = models.ForeignKey("actors.Actor", on_delete=models.PROTECT, related_name="+")
    change_note = models.TextField(_("what changed"), blank=True)

    class Meta:
        ordering = ["meeting", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"], name="minutes_number_per_meeting"
            ),
        ]
        verbose_name = _("minutes version")
        verbose_name_plural = _("minutes versions")

    def __str__(self) -> str:
        return f"{self.meeting_id} v{self.number}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("approved minutes are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("approved minutes are never deleted")
