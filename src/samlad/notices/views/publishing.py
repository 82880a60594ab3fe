"""Publishing a notice, correcting and withdrawing it, following its event, and turning an
imported warning into an event (MODEL.md, example 4)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samlad.activation.models import Activation
from samlad.core import access
from samlad.core.errors import NotPermitted
from samlad.core.forms import show_service_errors
from samlad.events.forms import EventForm
from samlad.notices.forms import CorrectionForm, NoticeForm, WithdrawForm
from samlad.notices.services import notices, preferences, warnings
from samlad.notices.views.common import open_events, visible_event, visible_notice


@login_required
def create(request):
    if not access.is_network_member(request.user):
        raise PermissionDenied
    form = NoticeForm(request.POST or None, events=open_events(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            notice = notices.publish_notice(by=request.user, **form.service_arguments())
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("The notice is published."))
            return redirect("notices:detail", notice.public_id)
    return render(request, "notices/notice_form.html", {"form": form})


def _changeable(request, public_id):
    notice = visible_notice(request, public_id)
    if notice.is_external or request.user.actor_id != notice.owner_actor_id:
        raise PermissionDenied
    return notice


@login_required
def correct(request, public_id):
    notice = _changeable(request, public_id)
    form = CorrectionForm(
        request.POST or None,
        initial=CorrectionForm.initial_for(notice),
        events=open_events(request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            notices.correct_notice(by=request.user, notice=notice, **form.service_arguments())
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("The correction is sent to the same recipients."))
            return redirect("notices:detail", notice.public_id)
    return render(request, "notices/correct_form.html", {"form": form, "notice": notice})


@login_required
def withdraw(request, public_id):
    notice = _changeable(request, public_id)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            notices.withdraw_notice(
                by=request.user, notice=notice, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The notice is withdrawn; its recipients are told."))
        return redirect("notices:detail", notice.public_id)
    return render(request, "notices/withdraw_form.html", {"form": form, "notice": notice})


@login_required
@require_POST
def follow(request, public_id):
    event = visible_event(request, public_id)
    preferences.follow_event(by=request.user, event=event)
    messages.success(request, _("You follow %(event)s.") % {"event": event.title})
    return redirect(request.POST.get("next") or "notices:settings")


@login_required
@require_POST
def unfollow(request, public_id):
    event = visible_event(request, public_id)
    preferences.unfollow_event(by=request.user, event=event)
    messages.success(request, _("You no longer follow %(event)s.") % {"event": event.title})
    return redirect(request.POST.get("next") or "notices:settings")


@login_required
def to_event(request, public_id):
    """An imported warning becomes an activated event, prefilled from the alert."""
    notice = visible_notice(request, public_id)
    if not notice.is_external:
        raise PermissionDenied
    if request.method == "POST":
        form = EventForm(request.POST)
    else:
        form = EventForm(initial=warnings.event_initial(notice))
    if request.method == "POST" and form.is_valid():
        try:
            event = warnings.make_event(by=request.user, notice=notice, **form.service_arguments())
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("The event is registered from the warning."))
            return redirect("events:detail", event.public_id)
    return render(request, "notices/to_event.html", {"form": form, "notice": notice})


@login_required
@require_POST
def after_cancel(request, public_id):
    """TiB's choice on the event page once a warning is cancelled: close or keep the activation."""
    notice = visible_notice(request, public_id)
    choice = request.POST.get("choice")
    try:
        activation = Activation.objects.get(public_id=request.POST.get("activation"))
    except (Activation.DoesNotExist, ValidationError, ValueError):
        activation = None
    if activation is None or choice not in ("close", "keep") or not notice.event_id:
        return HttpResponseBadRequest(_("Choose to close or keep an open activation."))
    try:
        warnings.decide_after_cancel(
            by=request.user, notice=notice, activation=activation, close=choice == "close"
        )
    except NotPermitted:
        raise PermissionDenied from None
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if choice == "close":
            messages.success(request, _("The activation is closed."))
        else:
            messages.success(request, _("The activation stays open."))
    return redirect("events:detail", notice.event.public_id)


@login_required
@require_POST
def follow_picked(request):
    """Follow the event picked on the settings page."""
    event = visible_event(request, request.POST.get("event"))
    preferences.follow_event(by=request.user, event=event)
    messages.success(request, _("You follow %(event)s.") % {"event": event.title})
    return redirect("notices:settings")
