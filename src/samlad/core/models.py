"""Shared model bases: public ids, timestamps, classification, the append-only log."""

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PublicIdModel(models.Model):
    """A record with a UUID for URLs and the API; the integer key stays internal."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Classification(models.TextChoices):
    OPEN = "open", _("Open")
    RESTRICTED = "restricted", _("Restricted")
    CONFIDENTIAL = "confidential", _("Confidential")


class Classified(models.Model):
    """An organisation-owned record: its owner actor, classification and the actors it is shared
    with. `samlad.core.access` alone decides who may see it."""

    owner_actor = models.ForeignKey(
        "actors.Actor",
        on_delete=models.PROTECT,
        related_name="owned_%(class)ss",
        verbose_name=_("owner"),
    )
    classification = models.CharField(
        _("classification"),
        max_length=16,
        choices=Classification.choices,
        default=Classification.OPEN,
    )
    shared_with = models.ManyToManyField(
        "actors.Actor", blank=True, related_name="+", verbose_name=_("shared with")
    )
    osl_reference = models.CharField(
        _("secrecy provision (OSL)"),
        max_length=120,
        blank=True,
        help_text=_("Required for confidential records, e.g. 'OSL 18 kap. 13 §'."),
    )

    class Meta:
        abstract = True


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete an append-only record."""


class LogEntry(models.Model):
    """One state change: who, for which actor, when, what, and before/after where it matters.
    Never updated or deleted."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    acting_actor = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=64, db_index=True)
    target_type = models.CharField(max_length=64)
    target_id = models.CharField(max_length=64, db_index=True)
    summary = models.TextField(blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("log entry")
        verbose_name_plural = _("log entries")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.target_type}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("log entries are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("log entries are never deleted")


class ConfidentialRead(models.Model):
    """A read of a confidential record, kept for the secrecy audit trail."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    target_type = models.CharField(max_length=64)
    target_id = models.CharField(max_length=64, db_index=True)
    via = models.CharField(max_length=32, help_text="page, api, export, …")

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.target_type} {self.target_id} via {self.via}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("reads of confidential records are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("reads of confidential records are never deleted")


class WorkerHeartbeat(models.Model):
    """The last sign of life from each background worker, read by /healthz."""

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    last_seen = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.worker_id} on {self.hostname}"


class Change(models.Model):
    """The live change feed: one row per thing added to a topic (e.g. an event), written in the
    same transaction as the thing itself. Live pages read it (SSE) from the id they last saw,
    so nothing is missed across reconnects, processes or instances."""

    topic = models.CharField(max_length=80)
    kind = models.CharField(max_length=32)
    object_type = models.CharField(max_length=64)
    object_id = models.CharField(max_length=64)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["topic", "id"])]

    def __str__(self) -> str:
        return f"{self.topic} {self.kind} {self.object_id}"


class ScheduledJob(models.Model):
    """When a periodic job (samlad.core.schedule) runs next; claimed atomically by one worker."""

    name = models.CharField(max_length=200, unique=True)
    next_run_at = models.DateTimeField()
    last_run_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name
