"""Action items (åtgärdspunkter) and each actor's decisions, agreed in meetings. Forums take no
joint decisions: every item belongs to the one actor that does it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samlad.core.models import PublicIdModel


class ActionKind(models.TextChoices):
    ACTION = "action", _("Action item")
    DECISION = "decision", _("Decision by the actor")


class ActionStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("action item", "Open")
    IN_PROGRESS = "in_progress", pgettext_lazy("action item", "In progress")
    DONE = "done", pgettext_lazy("action item", "Done")
    CANCELLED = "cancelled", pgettext_lazy("action item", "Cancelled")


OPEN_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class ActionItem(PublicIdModel):
    """What one actor has agreed to do, by when; followed up at later meetings of the forum."""

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.PROTECT, related_name="action_items"
    )
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="action_items",
        verbose_name=_("agenda item"),
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=ActionKind.choices, default=ActionKind.ACTION
    )
    actor = models.ForeignKey(
        "actors.Actor",
        on_delete=models.PROTECT,
        related_name="action_items",
        verbose_name=_("responsible actor"),
    )
    text = models.TextField(_("what the actor does"))
    due_at = models.DateTimeField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["meeting", "id"]
        indexes = [models.Index(fields=["actor", "status"])]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")

    def __str__(self) -> str:
        return f"{self.actor}: {self.text[:40]}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class ActionUpdate(models.Model):
    """A change of an action item's status, with a note; `meeting` is the meeting where it was
    followed up, if any. Append-only: the item's history."""

    item = models.ForeignKey(ActionItem, on_delete=models.PROTECT, related_name="updates")
    at = models.DateTimeField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status_before = models.CharField(max_length=12, choices=ActionStatus.choices)
    status_after = models.CharField(max_length=12, choices=ActionStatus.choices)
    note = models.TextField(blank=True)
    meeting = models.ForeignKey(
        "meetings.Meeting", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["item", "at", "id"]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.status_before} → {self.status_after}"
