"""Each actor's own picture in an event (aktörsrapport)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.core import access, live, log
from samlad.core.errors import NotPermitted
from samlad.core.search import search_text
from samlad.events import rules
from samlad.events.models import ActorReport, Event
from samlad.events.services.events import topic

REPORT_FIELDS = [
    "situation",
    "assumptions",
    "actions_taken",
    "actions_planned",
    "needs",
    "communication",
    "effects_on_others",
]


def _check_can_read_back(by: User, actor, classification: str, shared_with) -> None:
    """Nobody files a report the access policy would then hide from them."""
    shared_ids = [getattr(other, "pk", other) for other in shared_with]
    if access.could_view(
        by, classification=classification, owner_actor_id=actor.pk, shared_with_ids=shared_ids
    ):
        return
    if classification == "confidential" and not by.can_read_confidential:
        raise NotPermitted(
            _(
                "You cannot file a confidential report: confidential information is read only by "
                "users holding the confidential permission, and you do not hold it. Ask your "
                "permission administrator, or file it as restricted."
            )
        )
    raise NotPermitted(
        _("You could not read this report back: share it with your own actor, or make it open.")
    )


def _reporting_actor(by: User, event: Event, for_actor):
    """Whose report it is: the user's own actor's, or (TiB, RSIB) the actor they record it for."""
    if not rules.can_view_event(by, event):
        raise NotPermitted(_("No such event."))
    actor = for_actor or by.actor
    if actor != by.actor and not rules.can_compile_picture(by, event):
        raise NotPermitted(_("Only TiB and RSIB record another actor's report."))
    return actor


def _checked_texts(given: dict, *, classification: str, osl_reference: str) -> dict:
    """The report's texts, trimmed; the situation is required, and confidential needs its OSL."""
    texts = {name: (value or "").strip() for name, value in given.items()}
    if not texts["situation"]:
        raise ValidationError({"situation": _("Describe the current situation.")})
    if classification == "confidential" and not osl_reference.strip():
        raise ValidationError(
            {"osl_reference": _("Give the secrecy provision for confidential information.")}
        )
    return texts


def _supersede_current(event: Event, actor) -> ActorReport | None:
    """The actor's current report, marked as no longer current (it stays in the history)."""
    previous = ActorReport.objects.filter(event=event, owner_actor=actor, is_current=True).first()
    if previous is not None:
        previous.is_current = False
        previous.save(update_fields=["is_current", "updated_at"])
    return previous


@transaction.atomic
def file_report(
    *,
    by: User,
    event: Event,
    situation: str,
    assumptions: str = "",
    actions_taken: str = "",
    actions_planned: str = "",
    needs: str = "",
    communication: str = "",
    effects_on_others: str = "",
    classification: str = "open",
    shared_with=(),
    osl_reference: str = "",
    for_actor=None,
) -> ActorReport:
    """File the actor's report; it supersedes the actor's previous one, which stays in the
    history. `for_actor` lets TiB/RSIB record an actor's oral report in a meeting."""
    actor = _reporting_actor(by, event, for_actor)
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not rules.can_report(by, event):
        raise ValidationError(_("The event is closed: no more reports."))
    given = {
        "situation": situation,
        "assumptions": assumptions,
        "actions_taken": actions_taken,
        "actions_planned": actions_planned,
        "needs": needs,
        "communication": communication,
        "effects_on_others": effects_on_others,
    }
    texts = _checked_texts(given, classification=classification, osl_reference=osl_reference)
    _check_can_read_back(by, actor, classification, shared_with)
    previous = _supersede_current(event, actor)
    report = ActorReport(
        event=event,
        owner_actor=actor,
        version=(previous.version + 1) if previous else 1,
        classification=classification,
        osl_reference=osl_reference.strip(),
        reported_by=by,
        search_text=search_text(actor.name, *texts.values()),
        **texts,
    )
    report.full_clean(exclude=["search_text"])
    report.save()
    report.shared_with.set(shared_with)
    log.record(
        by=by, action="report.filed", target=report, summary=f"{actor.name} v{report.version}"
    )
    live.publish(topic=topic(event), kind="report", obj=report)
    return report
