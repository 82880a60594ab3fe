"""Actor reports given orally in a meeting and recorded straight into its event."""

from django.conf import settings
from django.db import models


class RecordedReport(models.Model):
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.PROTECT, related_name="recorded_reports"
    )
    report = models.OneToOneField(
        "events.ActorReport", on_delete=models.PROTECT, related_name="recorded_in"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()

    class Meta:
        ordering = ["meeting", "at", "id"]

    def __str__(self) -> str:
        return f"{self.report} in {self.meeting_id}"
