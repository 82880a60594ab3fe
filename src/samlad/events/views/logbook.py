"""Writing in an event's log book from the event page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samlad.core.forms import show_service_errors
from samlad.events import services
from samlad.events.forms import LogEntryForm
from samlad.events.views.common import visible_event
from samlad.events.views.eventpage import page_context


@login_required
@require_POST
def add_entry(request, public_id):
    event = visible_event(request, public_id)
    form = LogEntryForm(request.POST, event=event)
    if form.is_valid():
        try:
            entry = services.add_log_entry(by=request.user, event=event, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request, _("Entry no. %(number)s is in the log book.") % {"number": entry.number}
            )
            return redirect(reverse("events:detail", args=[event.public_id]) + "#logg")
    return render(request, "events/detail.html", page_context(request, event, log_form=form))
