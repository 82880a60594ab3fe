"""Activations and their call-out: which actors are called (Participant, one per actor), who
was called for each (Recipient: a person on duty, or a 24/7 contact point) and what they
answered. The messages themselves are Delivery rows of samlad.notify, topic
"activation:<public_id>"."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samlad.core.models import PublicIdModel


class ActivationKind(models.TextChoices):
    ACTIVATED = "activated", _("Activation")
    SCHEDULED = "scheduled", _("Scheduled call-out")


class ActivationStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Activation(PublicIdModel):
    """A forum convened at a given time, with everyone on its call-out list called."""

    forum = models.ForeignKey(
        "activation.Forum", on_delete=models.PROTECT, related_name="activations"
    )
    # Short and unique among open activations: SMS answers name it ("1 K47").
    code = models.CharField(_("code"), max_length=4)
    kind = models.CharField(
        _("kind"), max_length=10, choices=ActivationKind.choices, default=ActivationKind.ACTIVATED
    )
    status = models.CharField(
        _("status"), max_length=6, choices=ActivationStatus.choices, default=ActivationStatus.OPEN
    )
    is_exercise = models.BooleanField(_("exercise"), default=False)
    reason = models.TextField(_("reason"), blank=True)
    event = models.ForeignKey(
        "events.Event",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("event"),
    )
    request = models.OneToOneField(
        "activation.ActivationRequest",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activation",
    )
    meeting_at = models.DateTimeField(_("meeting starts"))
    duration_minutes = models.PositiveSmallIntegerField(_("meeting length (minutes)"), default=60)
    bridge_number = models.CharField(_("conference bridge number"), max_length=20, blank=True)
    bridge_pin = models.CharField(_("conference PIN"), max_length=12, blank=True)
    rakel_talk_group = models.CharField(_("Rakel talk group"), max_length=40, blank=True)
    answer_within_minutes = models.PositiveIntegerField(_("actors answer within (minutes)"))
    step_minutes = models.PositiveIntegerField(_("escalate after (minutes)"))
    activated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                name="activation_code_unique_while_open",
                condition=models.Q(status="open"),
            ),
            # The weekly job calls each scheduled meeting out once.
            models.UniqueConstraint(
                fields=["forum", "meeting_at"],
                name="one_scheduled_call_out_per_meeting",
                condition=models.Q(kind="scheduled"),
            ),
        ]
        verbose_name = _("activation")
        verbose_name_plural = _("activations")

    def __str__(self) -> str:
        return f"{self.forum} {self.code}"

    @property
    def topic(self) -> str:
        """The live topic of the board, and the Delivery topic of its messages."""
        return f"activation:{self.public_id}"

    @property
    def is_open(self) -> bool:
        return self.status == ActivationStatus.OPEN


class Participant(models.Model):
    """One actor on an activation's call-out list, and how far its escalation has come:
    0 the forum's function, 1 its deputies, 2 the actor's 24/7 contact function, 3 not reached
    (TiB alerted)."""

    activation = models.ForeignKey(
        Activation, on_delete=models.CASCADE, related_name="participants"
    )
    actor = models.ForeignKey("actors.Actor", on_delete=models.PROTECT, related_name="+")
    added_by_analysis = models.BooleanField(_("added by actor analysis"), default=False)
    added_reason = models.CharField(_("why added"), max_length=300, blank=True)
    called_at = models.DateTimeField(default=timezone.now)
    step = models.PositiveSmallIntegerField(default=0)
    step_started_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    not_reached_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["activation", "actor__name"]
        constraints = [
            models.UniqueConstraint(fields=["activation", "actor"], name="actor_called_once"),
        ]

    def __str__(self) -> str:
        return f"{self.actor} in {self.activation}"


class Answer(models.TextChoices):
    ATTENDING = "attending", _("Attending")
    NOT_ATTENDING = "not_attending", _("Not attending")
    LATER = "later", _("Attending later")


class AnswerChannel(models.TextChoices):
    LINK = "link", _("answer link")
    SMS = "sms", _("SMS reply")
    BOARD = "board", _("recorded by TiB")


class Recipient(PublicIdModel):
    """Someone called out for an actor: a person on duty (with the e-mail and phone they had
    when called) or one of the actor's 24/7 contact points."""

    activation = models.ForeignKey(Activation, on_delete=models.CASCADE, related_name="recipients")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="recipients"
    )
    function = models.ForeignKey(
        "actors.Function", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    contact_point = models.ForeignKey(
        "actors.ContactPoint",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(max_length=200)
    email = models.CharField(max_length=254, blank=True)
    phone = models.CharField(max_length=20, blank=True)
    step = models.PositiveSmallIntegerField(default=0)
    answer = models.CharField(max_length=14, choices=Answer.choices, blank=True)
    eta = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_via = models.CharField(max_length=6, choices=AnswerChannel.choices, blank=True)
    # Who registered an answer given another way (TiB, for an answer by phone); empty when the
    # recipient answered by link or SMS.
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The answer link carries this; answering through the link replaces it (one use per link).
    link_nonce = models.CharField(max_length=16)

    class Meta:
        ordering = ["activation", "participant__actor__name", "step", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["activation", "user"],
                name="person_called_once",
                condition=models.Q(user__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["activation", "contact_point"],
                name="contact_point_called_once",
                condition=models.Q(contact_point__isnull=False),
            ),
        ]
        indexes = [models.Index(fields=["phone"], name="recipient_phone")]

    def __str__(self) -> str:
        return f"{self.name} ({self.activation})"
