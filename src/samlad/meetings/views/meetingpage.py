"""The meeting page: header with the line and status, the agenda with the live minutes item by
item, the attendance list, actor reports, action items and decisions, follow-up, raised matters
and the approved versions. Sections re-fetch themselves (?partial=…) on the live stream."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from samlad.meetings import selectors
from samlad.meetings.views.common import found, positive_int, visible_meeting
from samlad.meetings.views.context import PARTIALS, Permissions, page_context, partial_template

TEMPLATE = "meetings/detail.html"


def render_page(request, meeting, *, status: int = 200, **bound):
    return render(request, TEMPLATE, page_context(request, meeting, **bound), status=status)


def _notes_partial(request, meeting):
    item = found(selectors.agenda_item, meeting, public_id=request.GET.get("punkt"))
    context = {
        "meeting": meeting,
        "item": item,
        "opened_revision": positive_int(request.GET.get("revision")) or 0,
    }
    return render(request, "meetings/_item.html#notes", context)


def _agenda_status(request, meeting):
    context = {
        "meeting": meeting,
        "agenda_revision": positive_int(request.GET.get("revision")) or 0,
    }
    return render(request, f"{TEMPLATE}#agenda_status", context)


@never_cache
@login_required
@require_GET
def detail(request, public_id):
    partial = request.GET.get("partial")
    meeting = visible_meeting(request, public_id, via=None if partial else "page")
    if partial == "notes":
        return _notes_partial(request, meeting)
    if partial == "agenda_status":
        return _agenda_status(request, meeting)
    if partial in PARTIALS:
        context = {"meeting": meeting, "perms": Permissions.of(request.user, meeting)}
        context |= PARTIALS[partial](request, meeting)
        return render(request, partial_template(partial), context)
    return render_page(request, meeting)
