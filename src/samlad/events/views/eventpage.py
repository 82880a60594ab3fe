"""The event page (händelse): header, latest picture, the actors' reports and the log book.
Each section is a template partial that htmx re-fetches (?partial=…) when the live stream says
something was added to it; the partials apply the same access policy as the page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from samlad.core import live
from samlad.events import rules, selectors
from samlad.events.forms import LogEntryForm, ReportForm
from samlad.events.services.events import topic
from samlad.events.views import fragments
from samlad.events.views.common import positive_int, visible_event


def header_context(request, event) -> dict:
    user = request.user
    return {
        "can_manage": rules.can_manage_event(user, event),
        "can_compile": rules.can_compile_picture(user, event),
        "affected_actors": list(event.affected_actors.all()),
    }


def picture_context(request, event) -> dict:
    return {"picture": selectors.picture_versions(event).first()}


def reports_context(request, event) -> dict:
    reports = selectors.current_reports(request.user, event)
    return {"reports": reports, "report_cards": fragments.report_cards(event, reports)}


def log_context(request, event, *, before: int | None = None) -> dict:
    entries = selectors.log_entries(event, before_number=before)
    corrected = selectors.corrections_of(entries)
    for entry in entries:
        entry.corrected_by = corrected.get(entry.pk, [])
    older = entries[-1].number if entries and entries[-1].number > 1 else None
    return {
        "entries": entries,
        "log_rows": fragments.log_rows(event, entries),
        "before": before,
        "older_than": older,
    }


PARTIALS = {
    "header": header_context,
    "picture": picture_context,
    "reports": reports_context,
    "log": log_context,
}


def page_context(request, event, *, log_form=None, report_form=None) -> dict:
    """Everything the event page shows. The live stream starts after the last change as of now,
    read first so that nothing added while the page renders is missed."""
    user = request.user
    change_id = live.latest_change_id(topic(event))
    context = {"event": event, "change_id": change_id}
    context |= header_context(request, event)
    context |= picture_context(request, event)
    context |= reports_context(request, event)
    context |= log_context(request, event, before=positive_int(request.GET.get("fore")))
    if log_form is None:
        # "Correct" next to an entry opens the page with ?rattar=<number>.
        log_form = LogEntryForm(
            event=event, initial={"corrects": positive_int(request.GET.get("rattar"))}
        )
    if report_form is None and rules.can_report(user, event):
        own = next((r for r in context["reports"] if r.owner_actor_id == user.actor_id), None)
        report_form = ReportForm(
            initial=ReportForm.initial_for(own, user),
            may_report_for_others=context["can_compile"],
        )
        if own is None:
            report_form.initial.setdefault("shared_with", report_form.designated_actor_ids())
    return context | {"log_form": log_form, "report_form": report_form}


@never_cache
@login_required
@require_GET
def detail(request, public_id):
    event = visible_event(request, public_id)
    partial = request.GET.get("partial")
    if partial in PARTIALS:
        context = {"event": event} | PARTIALS[partial](request, event)
        return render(request, f"events/detail.html#{partial}", context)
    return render(request, "events/detail.html", page_context(request, event))
