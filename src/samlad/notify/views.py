"""The outbox page (/utskick/): every message the platform has sent or is sending, newest first,
so a demo user sees the call-out messages and an administrator sees what went where. The text of
a message about a record the viewer may not see is not shown (samlad.notify.sources)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from samlad.core.errors import NotFound
from samlad.notify import channels, selectors, sources
from samlad.notify.forms import OutboxFilterForm

PAGE_SIZE = 50


@never_cache
@login_required
@require_GET
def outbox(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert user.is_authenticated  # login_required
    form = OutboxFilterForm(request.GET)
    try:
        deliveries = selectors.outbox_for(user, **form.filters())
    except NotFound:
        raise Http404 from None
    page = Paginator(deliveries, PAGE_SIZE).get_page(request.GET.get("sida"))
    page.object_list = list(page.object_list)
    sources.mark_hidden_texts(user, page.object_list)
    query = request.GET.copy()
    query.pop("sida", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "providers": selectors.provider_statuses(),
        "demo_outbox": channels.demo_outbox(),
    }
    return render(request, "notify/outbox.html", context)
