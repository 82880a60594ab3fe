"""The activation app's periodic jobs, run by the worker's scheduler (samlad.core.schedule)."""

from samlad.activation.services import escalation, scheduled
from samlad.core.schedule import every


@every(seconds=30, name="activation.escalate")
def escalate() -> None:
    """Call the next contacts of actors that have not answered in time."""
    escalation.escalate_due()


@every(seconds=60, name="activation.weekly_call_out")
def weekly_call_out() -> None:
    """Call out the weekly conference ahead of time, and close past weekly call-outs."""
    scheduled.call_out_due()
    scheduled.close_past_meetings()
