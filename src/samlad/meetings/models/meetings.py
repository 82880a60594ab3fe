"""Meetings (möten) of the network's forums and their agendas (dagordningar)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samlad.core.models import Classified, PublicIdModel


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("meeting", "Planned")
    RUNNING = "running", pgettext_lazy("meeting", "In progress")
    ENDED = "ended", pgettext_lazy("meeting", "Ended")
    CANCELLED = "cancelled", pgettext_lazy("meeting", "Cancelled")


class MinutesState(models.TextChoices):
    """Where the minutes (minnesanteckningar) stand: written, approved (locked), or being
    changed after an approval (the change becomes the next version)."""

    WRITING = "writing", _("Being written")
    APPROVED = "approved", _("Approved")
    REVISING = "revising", _("Being changed (new version)")


class Meeting(Classified, PublicIdModel):
    """One meeting of a forum, e.g. Thursday's regional cooperation conference, or an activated
    coordinating forum for an event. `owner_actor` is the hosting actor; the classification
    (usually the event's) decides who sees the meeting, its minutes and its action items."""

    forum = models.ForeignKey(
        "activation.Forum",
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=_("forum"),
    )
    activation = models.ForeignKey(
        "activation.Activation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=_("activation"),
    )
    event = models.ForeignKey(
        "events.Event",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=_("event"),
    )
    title = models.CharField(_("title"), max_length=200)
    is_activated = models.BooleanField(_("activated mode"), default=False)
    is_exercise = models.BooleanField(_("exercise"), default=False)
    starts_at = models.DateTimeField(_("starts"))
    duration_minutes = models.PositiveSmallIntegerField(_("length (minutes)"), default=60)
    bridge_number = models.CharField(_("conference bridge number"), max_length=20, blank=True)
    bridge_pin = models.CharField(_("conference PIN"), max_length=12, blank=True)
    rakel_talk_group = models.CharField(_("Rakel talk group"), max_length=40, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    minutes_state = models.CharField(
        _("minutes"), max_length=10, choices=MinutesState.choices, default=MinutesState.WRITING
    )
    # Counts every change to what the minutes say, so an approval names what was read out.
    minutes_revision = models.PositiveIntegerField(default=0)
    # Counts changes to the agenda's items and order, for the "agenda changed" notice.
    agenda_revision = models.PositiveIntegerField(default=0)
    # The iCalendar UID and SEQUENCE: an activation's meeting keeps the call-out invite's UID,
    # so a change replaces that entry in the called people's calendars.
    calendar_uid = models.CharField(max_length=100, blank=True)
    calendar_sequence = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-starts_at", "-id"]
        indexes = [models.Index(fields=["forum", "starts_at"])]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"ÖVNING – {self.title}" if self.is_exercise else self.title

    @property
    def topic(self) -> str:
        """The live-update topic of the meeting page."""
        return f"meeting:{self.public_id}"

    @property
    def minutes_editable(self) -> bool:
        return (
            self.minutes_state != MinutesState.APPROVED and self.status != MeetingStatus.CANCELLED
        )


class AgendaKind(models.TextChoices):
    TOPIC = "topic", _("Item")
    ROLL_CALL = "roll_call", _("Roll call")
    ACTOR_REPORTS = "actor_reports", _("Actor reports")
    DECISIONS = "decisions", _("Decisions")
    FOLLOW_UP = "follow_up", _("Follow-up of action items")
    RAISED_MATTER = "raised_matter", _("Matter raised from another forum")
    NEXT_MEETING = "next_meeting", _("Next meeting")


class AgendaItem(PublicIdModel):
    """A point on a meeting's agenda (dagordningspunkt) and what the minutes say about it. The
    notes are written live by several writers: `revision` counts saves, so a save against an old
    revision is refused instead of overwriting someone else's text."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="agenda_items")
    position = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=14, choices=AgendaKind.choices, default=AgendaKind.TOPIC
    )
    notes = models.TextField(_("minutes"), blank=True)
    revision = models.PositiveIntegerField(default=0)
    notes_updated_at = models.DateTimeField(null=True, blank=True)
    notes_updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Removed items stay (with their notes) but leave the agenda; nothing is deleted in place.
    removed_at = models.DateTimeField(null=True, blank=True)
    raised_matter = models.OneToOneField(
        "meetings.RaisedMatter",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agenda_item",
    )

    class Meta:
        ordering = ["meeting", "position", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"

    @property
    def live_kind(self) -> str:
        """The live-stream message name for this item's notes (SSE event names can't be
        filtered under a strict CSP, so each item gets its own)."""
        return f"notes-{self.public_id.hex[:12]}"
