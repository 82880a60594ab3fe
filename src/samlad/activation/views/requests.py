"""Activation requests: filing one, its page (the requester sees the decision and any reason),
and TiB's decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samlad.activation import rules, services
from samlad.activation.forms import ActivationForm, DeclineForm, RequestForm
from samlad.activation.models import RequestStatus
from samlad.activation.views.common import require, visible_request
from samlad.core.forms import show_service_errors


@login_required
def file_request(request):
    require(rules.can_request_activation(request.user))
    form = RequestForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            filed = services.file_request(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Your request is sent. TiB on duty has been alerted."))
            return redirect("activation:request", filed.public_id)
    status = 400 if form.is_bound else 200
    return render(request, "activation/request_form.html", {"form": form}, status=status)


def _page(request, activation_request, *, activate_form=None, decline_form=None, status=200):
    can_decide = (
        rules.can_activate(request.user) and activation_request.status == RequestStatus.PENDING
    )
    if can_decide:
        activate_form = activate_form or ActivationForm(
            user=request.user,
            initial={
                "forum": activation_request.suggested_forum,
                "reason": activation_request.reason,
                "is_exercise": activation_request.is_exercise,
                "event": activation_request.event,
            },
        )
        decline_form = decline_form or DeclineForm()
    context = {
        "req": activation_request,
        "can_decide": can_decide,
        "activate_form": activate_form,
        "decline_form": decline_form,
    }
    return render(request, "activation/request_detail.html", context, status=status)


@login_required
def detail(request, public_id):
    return _page(request, visible_request(request, public_id))


@login_required
@require_POST
def activate(request, public_id):
    activation_request = visible_request(request, public_id)
    require(rules.can_activate(request.user))
    form = ActivationForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            activation = services.activate_request(
                by=request.user, activation_request=activation_request, **form.service_arguments()
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Activated. Everyone on the list is being called."))
            return redirect("activation:board", activation.public_id)
    return _page(request, activation_request, activate_form=form, status=400)


@login_required
@require_POST
def decline(request, public_id):
    activation_request = visible_request(request, public_id)
    require(rules.can_activate(request.user))
    form = DeclineForm(request.POST)
    if form.is_valid():
        try:
            services.decline_request(
                by=request.user,
                activation_request=activation_request,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Declined. The requester has been told why."))
            return redirect("activation:request", activation_request.public_id)
    return _page(request, activation_request, decline_form=form, status=400)
