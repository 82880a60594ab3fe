"""The start page (/aktivering/): open activations, requests awaiting TiB, the user's own
actor's requests, recent closed activations; it refreshes itself when something changes."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from samlad.activation import rules, selectors
from samlad.activation.models import RequestStatus
from samlad.activation.services.activations import OVERVIEW_TOPIC
from samlad.activation.views.common import require_member
from samlad.core import live

RECENT = 15


def _with_counts(activations):
    return activations.annotate(
        actors=Count("participants", distinct=True),
        answered=Count(
            "participants", filter=Q(participants__answered_at__isnull=False), distinct=True
        ),
    )


def lists_context(request) -> dict:
    user = request.user
    return {
        "open_activations": _with_counts(selectors.visible_activations(user, status="open")),
        "closed_activations": _with_counts(selectors.visible_activations(user, status="closed"))[
            :RECENT
        ],
        "pending_requests": selectors.visible_requests(user, status=RequestStatus.PENDING),
        "decided_requests": selectors.visible_requests(user).exclude(status=RequestStatus.PENDING)[
            :RECENT
        ],
        "can_activate": rules.can_activate(user),
        "can_request": rules.can_request_activation(user),
    }


@never_cache
@login_required
@require_GET
def overview(request):
    require_member(request)
    if request.GET.get("partial") == "lists":
        return render(request, "activation/overview.html#lists", lists_context(request))
    # Read first, so that nothing that changes while the page renders is missed.
    change_id = live.latest_change_id(OVERVIEW_TOPIC)
    context = lists_context(request) | {"change_id": change_id}
    return render(request, "activation/overview.html", context)
