"""The live list of notices (newest first, filtered by category, actor and event) and a notice's
page with its versions."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from samlad.actors.models import Actor
from samlad.core import access, live
from samlad.events import selectors as event_selectors
from samlad.notices import selectors
from samlad.notices.forms import FilterForm
from samlad.notices.models import Category
from samlad.notices.services.notices import LIVE_TOPIC
from samlad.notices.services.webhooks import can_manage_webhooks
from samlad.notices.views.common import visible_notice

PAGE_SIZE = 50


def _filters(form: FilterForm, user) -> dict | None:
    """The selector's filters; None when a filter names something this user cannot see."""
    data = form.cleaned_data if form.is_valid() else {}
    filters = {}
    if data.get("kategori"):
        filters["category"] = Category.objects.filter(slug=data["kategori"]).first()
    if data.get("aktor"):
        filters["actor"] = Actor.objects.filter(slug=data["aktor"]).first()
    if data.get("handelse"):
        filters["event"] = (
            event_selectors.visible_events(user).filter(public_id=data["handelse"]).first()
        )
    return None if any(value is None for value in filters.values()) else filters


@never_cache
@login_required
@require_GET
def notice_list(request):
    events = list(event_selectors.visible_events(request.user)[:200])
    form = FilterForm(request.GET, events=events)
    filters = _filters(form, request.user)
    notices = selectors.visible_notices(request.user, **(filters or {}))
    page = Paginator(notices if filters is not None else notices.none(), PAGE_SIZE).get_page(
        request.GET.get("sida")
    )
    query = request.GET.copy()
    for name in ("sida", "partial"):
        query.pop(name, None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "change_id": live.latest_change_id(LIVE_TOPIC),
        "can_publish": access.is_network_member(request.user),
        "can_manage_outside": can_manage_webhooks(request.user, request.user.actor)
        if access.is_network_member(request.user)
        else False,
        "sees_feeds": access.is_platform_admin(request.user),
    }
    template = "notices/list.html"
    if request.GET.get("partial") == "list":
        template += "#notice-list"
    elif context["sees_feeds"]:
        context["failing_feeds"] = selectors.failing_feed_sources()
    return render(request, template, context)


@never_cache
@login_required
@require_GET
def detail(request, public_id):
    notice = visible_notice(request, public_id)
    user = request.user
    context = {
        "notice": notice,
        "revisions": selectors.revisions(notice),
        "shared_with": list(notice.shared_with.all()),
        "municipalities": list(notice.municipalities.all()),
        "can_change": not notice.is_external
        and not notice.is_withdrawn
        and user.actor_id == notice.owner_actor_id,
        "can_make_event": notice.is_external and not notice.event_id,
    }
    return render(request, "notices/detail.html", context)
