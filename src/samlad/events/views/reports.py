"""Actor reports (aktörsrapporter): filing one from the event page, and one actor's history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from samlad.actors.selectors import actor_for
from samlad.core.errors import NotFound, NotPermitted
from samlad.core.forms import show_service_errors
from samlad.events import rules, selectors, services
from samlad.events.forms import ReportForm
from samlad.events.views.common import visible_event
from samlad.events.views.eventpage import page_context


@login_required
@require_POST
def file_report(request, public_id):
    event = visible_event(request, public_id)
    form = ReportForm(
        request.POST, may_report_for_others=rules.can_compile_picture(request.user, event)
    )
    status = 200
    if form.is_valid():
        try:
            report = services.file_report(by=request.user, event=event, **form.service_arguments())
        except ValidationError as error:
            show_service_errors(form, error)
        except NotPermitted as refusal:
            form.add_error("classification", str(refusal))
            status = 403
        else:
            messages.success(
                request,
                _("The report of %(actor)s is filed (version %(version)s).")
                % {"actor": report.owner_actor.name, "version": report.version},
            )
            return redirect(reverse("events:detail", args=[event.public_id]) + "#rapporter")
    context = page_context(request, event, report_form=form)
    return render(request, "events/detail.html", context, status=status)


@never_cache
@login_required
@require_GET
def history(request, public_id, actor_id):
    """Every version of one actor's report in the event that this user may see."""
    event = visible_event(request, public_id)
    try:
        actor = actor_for(request.user, public_id=actor_id)
    except NotFound:
        raise Http404 from None
    reports = selectors.report_history(request.user, event, actor=actor)
    return render(
        request, "events/report_history.html", {"event": event, "actor": actor, "reports": reports}
    )
