"""Events (händelser), their log book (händelselogg), each actor's report (aktörsrapport) and the
consolidated situational picture (samlad lägesbild)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samlad.core.models import AppendOnlyError, Classified, PublicIdModel


class EventType(PublicIdModel):
    """A type event of the catalogue (typhändelse), e.g. severe weather or a power cut."""

    slug = models.SlugField(max_length=40, unique=True)
    name_sv = models.CharField(_("name (Swedish)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["name_sv"]
        verbose_name = _("event type")
        verbose_name_plural = _("event types")

    def __str__(self) -> str:
        return self.name_sv


class Mode(models.TextChoices):
    ORDINARY = "ordinary", _("Ordinary mode")
    ACTIVATED = "activated", _("Activated mode")


class EventStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Event(Classified, PublicIdModel):
    """A händelse: something the network handles together, now or planned ahead.
    `owner_actor` is the actor that registered it."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    event_type = models.ForeignKey(
        EventType, on_delete=models.PROTECT, related_name="events", verbose_name=_("type")
    )
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.ORDINARY)
    is_exercise = models.BooleanField(_("exercise"), default=False)
    status = models.CharField(
        _("status"), max_length=8, choices=EventStatus.choices, default=EventStatus.OPEN
    )
    lead_actor = models.ForeignKey(
        "actors.Actor",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("lead actor"),
    )
    affected_actors = models.ManyToManyField(
        "actors.Actor",
        blank=True,
        related_name="affected_by_events",
        verbose_name=_("affected actors and municipalities"),
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    area = models.JSONField(_("area (GeoJSON)"), null=True, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["-starts_at", "-id"]
        indexes = [models.Index(fields=["status", "-starts_at"])]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return f"ÖVNING – {self.title}" if self.is_exercise else self.title


class EntryKind(models.TextChoices):
    INFORMATION = "information", _("Information")
    DECISION = "decision", _("Decision")
    ACTION = "action", _("Action")
    CONTACT = "contact", _("Contact")


class LogBookEntry(models.Model):
    """One line of the event's log book. Append-only: a correction is a new entry pointing at the
    one it corrects, and the original stays readable."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="log_entries")
    number = models.PositiveIntegerField(_("number"))
    at = models.DateTimeField(_("time"))
    kind = models.CharField(_("kind"), max_length=12, choices=EntryKind.choices)
    text = models.TextField(_("text"))
    # None: written by Samlad itself on behalf of author_actor (e.g. a linked warning changed).
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    author_actor = models.ForeignKey("actors.Actor", on_delete=models.PROTECT, related_name="+")
    corrects = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrections"
    )
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["event", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["event", "number"], name="log_entry_number_per_event"),
        ]
        verbose_name = _("log book entry")
        verbose_name_plural = _("log book entries")

    def __str__(self) -> str:
        return f"#{self.number} {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("log book entries are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("log book entries are never deleted")


class ActorReport(Classified, PublicIdModel):
    """An actor's own picture in an event (aktörsrapport). A new report supersedes the actor's
    previous one; the history stays. `owner_actor` is the reporting actor."""

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="reports")
    version = models.PositiveIntegerField(_("version"))
    is_current = models.BooleanField(default=True)
    situation = models.TextField(_("current situation (facts)"))
    assumptions = models.TextField(_("assumptions"), blank=True)
    actions_taken = models.TextField(_("actions taken"), blank=True)
    actions_planned = models.TextField(_("actions planned"), blank=True)
    needs = models.TextField(_("needs, e.g. reinforcement"), blank=True)
    communication = models.TextField(_("own communication measures"), blank=True)
    effects_on_others = models.TextField(_("effects on other actors"), blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["event", "owner_actor__name", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "owner_actor", "version"], name="report_version_per_actor"
            ),
            models.UniqueConstraint(
                fields=["event", "owner_actor"],
                condition=models.Q(is_current=True),
                name="one_current_report_per_actor",
            ),
        ]
        verbose_name = _("actor report")
        verbose_name_plural = _("actor reports")

    def __str__(self) -> str:
        return f"{self.owner_actor} v{self.version}"


PICTURE_FIELDS = [
    "summary",
    "analysis",
    "most_likely",
    "worst_case",
    "coordination_needs",
    "communication_needs",
    "short_version",
]


class PictureContent(models.Model):
    """The parts of a consolidated picture, shared by the draft and the published versions."""

    summary = models.TextField(_("summary"), blank=True)
    analysis = models.TextField(_("joint analysis"), blank=True)
    most_likely = models.TextField(_("most likely development"), blank=True)
    worst_case = models.TextField(_("worst case"), blank=True)
    coordination_needs = models.TextField(_("coordination needs"), blank=True)
    communication_needs = models.TextField(_("communication needs"), blank=True)
    short_version = models.TextField(
        _("short version for communicators"),
        blank=True,
        help_text=_("What communicators may pass on: a few sentences, no internal details."),
    )
    next_update_at = models.DateTimeField(_("next update"), null=True, blank=True)

    class Meta:
        abstract = True


class PictureDraft(PictureContent):
    """The one working draft of an event's consolidated picture. `revision` counts saves, so a
    second editor's save against an old revision is refused instead of overwriting."""

    event = models.OneToOneField(Event, on_delete=models.PROTECT, related_name="picture_draft")
    revision = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return f"draft r{self.revision} of {self.event_id}"


class PictureVersion(PictureContent):
    """A published, immutable, numbered version of the consolidated picture (samlad lägesbild)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="picture_versions")
    number = models.PositiveIntegerField(_("version"))
    published_at = models.DateTimeField(_("published"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    publishing_actor = models.ForeignKey("actors.Actor", on_delete=models.PROTECT, related_name="+")
    based_on_reports = models.ManyToManyField(ActorReport, blank=True, related_name="+")
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["event", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["event", "number"], name="picture_number_per_event"),
        ]
        verbose_name = _("picture version")
        verbose_name_plural = _("picture versions")

    def __str__(self) -> str:
        return f"Samlad lägesbild {self.number}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("published pictures are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("published pictures are never deleted")
