"""The meetings start page: running and coming meetings, the latest ones, and for the county
board's duty functions the activations still waiting for their meeting."""

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from samlad.activation.selectors import forum_with_public_id, forums_in_use
from samlad.meetings import rules, selectors
from samlad.meetings.models import MeetingStatus


@never_cache
@login_required
@require_GET
def meeting_list(request):
    wanted = request.GET.get("forum")
    forum = forum_with_public_id(wanted) if wanted else None
    meetings = selectors.visible_meetings(request.user, forum=forum)
    now = timezone.now()
    context = {
        "running": list(meetings.filter(status=MeetingStatus.RUNNING)),
        "coming": list(
            meetings.filter(status=MeetingStatus.PLANNED, starts_at__gte=now - timedelta(hours=12))[
                :50
            ]
        ),
        "recent": list(
            meetings.exclude(status__in=[MeetingStatus.RUNNING])
            .filter(starts_at__lt=now)
            .order_by("-starts_at", "-id")[:30]
        ),
        "forums": forums_in_use(),
        "forum": forum,
        "can_plan": rules.can_plan_meetings(request.user),
        "own_open_actions": len(selectors.own_actions(request.user)),
        "waiting_activations": selectors.activations_without_meeting(request.user)
        if rules.can_plan_meetings(request.user)
        else [],
    }
    return render(request, "meetings/list.html", context)
