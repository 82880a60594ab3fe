"""Action items: the actor's own page (all its open items, across forums and events) and the
follow-up of one item: in progress, done, cancelled or reopened."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from samlad.core.errors import NotFound
from samlad.meetings import selectors, services
from samlad.meetings.forms import ActionStatusForm
from samlad.meetings.models import ActionStatus
from samlad.meetings.views.common import found


@never_cache
@login_required
@require_GET
def own_actions(request):
    """The user's own actor's action items and decisions; open ones unless ?alla=1."""
    everything = request.GET.get("alla") == "1"
    items = selectors.own_actions(request.user, open_only=not everything)
    for item in items:
        item.form = ActionStatusForm(initial={"status": item.status}, prefix=f"a{item.pk}")
    return render(
        request, "meetings/own_actions.html", {"actions": items, "everything": everything}
    )


def _back(request, item) -> str:
    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, {request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("meetings:own_actions")


def _at_meeting(request, form):
    public_id = form.cleaned_data.get("meeting")
    if not public_id:
        return None
    try:
        return selectors.meeting_for(request.user, public_id=public_id, via=None)
    except NotFound:
        raise Http404 from None


@login_required
@require_POST
def set_status(request, action_id):
    item = found(selectors.action_for, request.user, public_id=action_id)
    form = ActionStatusForm(request.POST, prefix=f"a{item.pk}")
    if not form.is_valid():
        messages.error(request, _("Choose open, in progress, done or cancelled."))
        return redirect(_back(request, item))
    if form.cleaned_data["status"] == item.status:
        messages.info(request, _("The status is unchanged."))
        return redirect(_back(request, item))
    try:
        services.set_action_status(
            by=request.user,
            item=item,
            status=form.cleaned_data["status"],
            note=form.cleaned_data["note"],
            at_meeting=_at_meeting(request, form),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        status = ActionStatus(form.cleaned_data["status"]).label
        messages.success(
            request, _("The action item is now %(status)s.") % {"status": str(status).lower()}
        )
    return redirect(_back(request, item))
