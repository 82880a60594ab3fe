"""Forums as data: the model's forums by level and mode, who hosts and chairs them, which
functions of which actors sit in them, their rhythm, their conference line and the time within
which the called actors must answer (MODEL.md, "Three levels × two modes" and "Time
requirements")."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from samlad.actors.models import FunctionKind
from samlad.core.models import PublicIdModel


class Level(models.TextChoices):
    """Samverkansnivå."""

    DIRECTING = "directing", _("Directing level")
    COORDINATING = "coordinating", _("Coordinating level")
    EXECUTIVE = "executive", _("Executive level")


class ForumMode(models.TextChoices):
    ORDINARY = "ordinary", _("Ordinary mode")
    ACTIVATED = "activated", _("Activated mode")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class Forum(PublicIdModel):
    """A samverkansforum, e.g. the weekly Regional samverkanskonferens."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    mode = models.CharField(_("mode"), max_length=10, choices=ForumMode.choices)
    description = models.TextField(_("description"), blank=True)
    host_actor = models.ForeignKey(
        "actors.Actor",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_forums",
        verbose_name=_("host"),
    )
    chair_function = models.CharField(
        _("chaired by"), max_length=20, choices=FunctionKind.choices, blank=True
    )
    standing_agenda = models.JSONField(_("standing agenda"), default=list, blank=True)
    rhythm_weekday = models.PositiveSmallIntegerField(
        _("meets on"), choices=Weekday.choices, null=True, blank=True
    )
    rhythm_time = models.TimeField(_("at (Stockholm time)"), null=True, blank=True)
    rhythm_note = models.CharField(
        _("rhythm"), max_length=120, blank=True, help_text=_("E.g. “every other month”.")
    )
    duration_minutes = models.PositiveSmallIntegerField(_("meeting length (minutes)"), default=60)
    auto_call_out = models.BooleanField(
        _("called out automatically"),
        default=False,
        help_text=_("Call out every weekly meeting ahead of time, without a decision by TiB."),
    )
    call_out_lead_minutes = models.PositiveIntegerField(
        _("called out this many minutes ahead"), default=420
    )
    bridge_number = models.CharField(_("conference bridge number"), max_length=20, blank=True)
    bridge_pin = models.CharField(_("conference PIN"), max_length=12, blank=True)
    rakel_talk_group = models.CharField(_("Rakel talk group"), max_length=40, blank=True)
    answer_within_minutes = models.PositiveIntegerField(
        _("actors answer within (minutes)"),
        default=15,
        help_text=_(
            "The time requirement: coordinating at once, directing 60 minutes, "
            "cooperation staff 2 hours."
        ),
    )
    escalation_step_minutes = models.PositiveIntegerField(
        _("escalate after (minutes)"),
        null=True,
        blank=True,
        help_text=_(
            "Call the next contact after this long without an answer; empty means the "
            "answer requirement."
        ),
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["level", "mode", "name"]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")

    def __str__(self) -> str:
        return self.name

    @property
    def step_minutes(self) -> int:
        """How long an actor has at each escalation step."""
        step = self.escalation_step_minutes or self.answer_within_minutes
        return max(1, min(step, self.answer_within_minutes))


class ForumMember(models.Model):
    """A function that sits in a forum: `function_kind` of `actor`, or of every actor of the
    network when `actor` is empty (e.g. every actor's contact function)."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="members")
    function_kind = models.CharField(_("function"), max_length=20, choices=FunctionKind.choices)
    actor = models.ForeignKey(
        "actors.Actor",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="forum_memberships",
        verbose_name=_("actor"),
    )

    class Meta:
        ordering = ["forum", "function_kind", "actor__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "function_kind", "actor"],
                name="forum_member_once",
                condition=models.Q(actor__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["forum", "function_kind"],
                name="forum_member_every_actor_once",
                condition=models.Q(actor__isnull=True),
            ),
        ]
        verbose_name = _("forum member")
        verbose_name_plural = _("forum members")

    def __str__(self) -> str:
        return f"{self.forum}: {self.get_function_kind_display()}"
