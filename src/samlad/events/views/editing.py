"""Registering an event, changing it, closing and reopening it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samlad.core import access
from samlad.core.forms import show_service_errors
from samlad.events import rules, services
from samlad.events.forms import EventForm
from samlad.events.views.common import visible_event


@login_required
def create(request):
    if not access.is_network_member(request.user):
        raise PermissionDenied
    form = EventForm.for_new_event(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.create_event(by=request.user, **form.service_arguments())
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("The event is registered."))
            return redirect("events:detail", event.public_id)
    return render(request, "events/event_form.html", {"form": form, "event": None})


@login_required
def edit(request, public_id):
    event = visible_event(request, public_id)
    if not rules.can_manage_event(request.user, event):
        raise PermissionDenied
    form = EventForm(request.POST or None, initial=EventForm.initial_for(event))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_event(by=request.user, event=event, **form.service_arguments())
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("The event is updated."))
            return redirect("events:detail", event.public_id)
    return render(request, "events/event_form.html", {"form": form, "event": event})


def _change_status(request, public_id, change, done: str):
    event = visible_event(request, public_id)
    try:
        change(by=request.user, event=event)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("events:detail", event.public_id)


@login_required
@require_POST
def close(request, public_id):
    return _change_status(request, public_id, services.close_event, _("The event is closed."))


@login_required
@require_POST
def reopen(request, public_id):
    return _change_status(request, public_id, services.reopen_event, _("The event is reopened."))
