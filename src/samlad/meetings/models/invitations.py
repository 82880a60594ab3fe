"""Who was sent a meeting's calendar invitation, so changes and a cancellation reach the same
people (iCalendar REQUEST with a higher SEQUENCE, or CANCEL)."""

from django.conf import settings
from django.db import models

from samlad.core.models import PublicIdModel


class Invitation(PublicIdModel):
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.PROTECT, related_name="invitations"
    )
    email = models.EmailField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sequence = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["meeting", "email"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "email"], name="invited_once"),
        ]

    def __str__(self) -> str:
        return self.email
