"""The list of events and the search across events, log books and pictures."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from samlad.events import selectors
from samlad.events.forms import EventFilterForm, SearchForm
from samlad.events.models import EventStatus

CLOSED_PER_PAGE = 50


@never_cache
@login_required
@require_GET
def event_list(request):
    """Open events first, then closed ones (newest first, a page at a time)."""
    form = EventFilterForm(request.GET)
    form.is_valid()
    status = form.cleaned_data.get("status") or "all"
    kind = form.cleaned_data.get("typ")
    lists = {}
    for wanted in (EventStatus.OPEN, EventStatus.CLOSED):
        if status in ("all", wanted):
            events = selectors.visible_events(request.user, status=wanted)
            lists[wanted] = events.filter(event_type__slug=kind) if kind else events
    closed_page = None
    if EventStatus.CLOSED in lists:
        closed_page = Paginator(lists[EventStatus.CLOSED], CLOSED_PER_PAGE).get_page(
            request.GET.get("sida")
        )
    query = request.GET.copy()
    query.pop("sida", None)
    return render(
        request,
        "events/list.html",
        {
            "form": form,
            "open_events": lists.get(EventStatus.OPEN),
            "closed_page": closed_page,
            "query": query.urlencode(),
        },
    )


@never_cache
@login_required
@require_GET
def search(request):
    form = SearchForm(request.GET)
    query = form.cleaned_data.get("q", "").strip() if form.is_valid() else ""
    results = selectors.search_everything(request.user, query, via="page") if query else None
    return render(request, "events/search.html", {"form": form, "query": query, "results": results})
