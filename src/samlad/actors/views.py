"""The actor directory and the call-out list, under /aktorer/: the directory with search, one
actor's page, the list as CSV and as a page for paper. Every read of a confidential contact
point shown here is logged (access.note_reads)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from samlad.actors import rules, selectors
from samlad.actors.export import call_out_csv
from samlad.actors.forms import KIND_PLURALS, DirectoryFilterForm
from samlad.core import access
from samlad.core.errors import NotFound


@never_cache
@login_required
@require_GET
def directory(request):
    """Every active actor with its 24/7 numbers, grouped by kind; htmx swaps only the results."""
    form = DirectoryFilterForm(request.GET)
    entries = selectors.call_out_entries(request.user, **form.filters())
    shown = [row.point for entry in entries for row in entry.around_the_clock + entry.mailboxes]
    access.note_reads(request.user, shown, via="page")
    groups = [
        (KIND_PLURALS.get(kind, kind), members)
        for kind, members in selectors.group_by_kind(entries)
    ]
    template = "actors/directory.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    return render(request, template, {"form": form, "groups": groups, "count": len(entries)})


@never_cache
@login_required
@require_GET
def detail(request, public_id):
    """One actor: its registry details, functions and staff, and every contact point the user
    may see. Not found and not visible are both 404."""
    try:
        actor = selectors.actor_for(request.user, public_id=public_id)
    except NotFound:
        raise Http404 from None
    access.note_reads(request.user, actor.visible_contact_points, via="page")
    context = {
        "actor": actor,
        "entry": selectors.call_out_entry(actor),
        "functions": selectors.functions_in_order(actor),
        "can_administer": rules.can_administer_users_of(request.user, actor),
    }
    return render(request, "actors/detail.html", context)


@never_cache
@login_required
@require_GET
def export_csv(request):
    """The call-out list as the user may see it, for Excel (UTF-8 with BOM, semicolons)."""
    rows = selectors.call_out_list(request.user)
    access.note_reads(request.user, [row.point for row in rows], via="export")
    response = HttpResponse(call_out_csv(rows), content_type="text/csv; charset=utf-8")
    name = _("call-out-list")
    filename = f"{name}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
@require_GET
def print_list(request):
    """The whole call-out list on paper: still useful when the system is down."""
    entries = selectors.call_out_entries(request.user)
    rows = [row for entry in entries for row in entry.rows]
    access.note_reads(request.user, [row.point for row in rows], via="print")
    context = {
        "entries": entries,
        "marking": selectors.highest_classification(rows),
        "printed_at": timezone.now(),
    }
    return render(request, "actors/print.html", context)
