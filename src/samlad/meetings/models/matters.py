"""Matters raised from one forum's minutes to another forum (Example 1 of the model: from the
Thursday conference to the coordination group). The matter lands on the target forum's next
meeting's agenda and keeps its link to where it came from."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samlad.core.models import PublicIdModel


class RaisedMatter(PublicIdModel):
    source_meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.PROTECT, related_name="raised_matters"
    )
    source_item = models.ForeignKey(
        "meetings.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="raised_matters",
        verbose_name=_("from agenda item"),
    )
    to_forum = models.ForeignKey(
        "activation.Forum", on_delete=models.PROTECT, related_name="+", verbose_name=_("to forum")
    )
    title = models.CharField(_("matter"), max_length=200)
    description = models.TextField(_("background"), blank=True)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("raised matter")
        verbose_name_plural = _("raised matters")

    def __str__(self) -> str:
        return self.title
