"""Who took part in a meeting, for which actor, with which function and mandate (närvarolista).
It starts from the call-out answers and is adjusted at the roll call (upprop)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samlad.actors.models import FunctionKind
from samlad.core.models import PublicIdModel


class Presence(models.TextChoices):
    EXPECTED = "expected", _("Said they will attend")
    LATER = "later", _("Joining later")
    PRESENT = "present", _("Present")
    ABSENT = "absent", _("Absent")
    DECLINED = "declined", _("Sent apologies")


class AttendanceSource(models.TextChoices):
    CALL_OUT = "call_out", _("call-out answer")
    ROLL_CALL = "roll_call", _("roll call")


class Attendance(PublicIdModel):
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.PROTECT, related_name="attendance"
    )
    actor = models.ForeignKey(
        "actors.Actor", on_delete=models.PROTECT, related_name="+", verbose_name=_("actor")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    function_kind = models.CharField(
        _("function"), max_length=20, choices=FunctionKind.choices, blank=True
    )
    mandate = models.CharField(
        _("mandate"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “may decide for the municipality's crisis management”."),
    )
    presence = models.CharField(
        _("presence"), max_length=10, choices=Presence.choices, default=Presence.PRESENT
    )
    source = models.CharField(
        max_length=10, choices=AttendanceSource.choices, default=AttendanceSource.ROLL_CALL
    )
    # The call-out answer this row came from, if any.
    recipient = models.ForeignKey(
        "activation.Recipient",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["meeting", "actor__name", "name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "recipient"],
                name="attendance_from_answer_once",
                condition=models.Q(recipient__isnull=False),
            ),
        ]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance list")

    def __str__(self) -> str:
        return f"{self.actor}: {self.name or self.get_function_kind_display()}"

    @property
    def attended(self) -> bool:
        return self.presence in (Presence.PRESENT, Presence.LATER)
