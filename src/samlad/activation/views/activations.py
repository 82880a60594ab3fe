"""TiB's actions on activations: activate a forum directly, widen the composition (actor
analysis), record an answer given by phone, close."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samlad.activation import rules, selectors, services
from samlad.activation.forms import ActivationForm, AddActorsForm, AnswerForm
from samlad.activation.models import Recipient
from samlad.activation.views.common import require, visible_activation, visible_forum
from samlad.core.forms import show_service_errors


@login_required
def create(request):
    require(rules.can_activate(request.user))
    forum_id = request.GET.get("forum")
    forum = visible_forum(request, forum_id) if forum_id else selectors.first_choice_forum()
    initial = {"forum": forum}
    form = ActivationForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            activation = services.activate(by=request.user, **form.service_arguments())
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Activated. Everyone on the list is being called."))
            return redirect("activation:board", activation.public_id)
    status = 400 if form.is_bound else 200
    return render(request, "activation/activation_form.html", {"form": form}, status=status)


def _done(request, activation, call, success: str):
    try:
        call()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect("activation:board", activation.public_id)


@login_required
@require_POST
def add_actors(request, public_id):
    activation = visible_activation(request, public_id)
    require(rules.can_activate(request.user))
    form = AddActorsForm(request.POST, activation=activation)
    if not form.is_valid():
        messages.error(request, _("Choose at least one actor not already called."))
        return redirect("activation:board", activation.public_id)
    return _done(
        request,
        activation,
        lambda: services.add_actors(
            by=request.user,
            activation=activation,
            actors=form.picked(),
            reason=form.cleaned_data["reason"],
        ),
        _("The actors are being called."),
    )


@login_required
@require_POST
def record_answer(request, public_id, recipient_id):
    activation = visible_activation(request, public_id)
    require(rules.can_activate(request.user))
    recipient = Recipient.objects.filter(activation=activation, public_id=recipient_id).first()
    if recipient is None:
        raise Http404
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("activation:board", activation.public_id)
    return _done(
        request,
        activation,
        lambda: services.record_answer(
            by=request.user,
            recipient=recipient,
            answer=form.cleaned_data["answer"],
            minutes=form.cleaned_data["minutes"],
        ),
        _("The answer is recorded."),
    )


@login_required
@require_POST
def close(request, public_id):
    activation = visible_activation(request, public_id)
    return _done(
        request,
        activation,
        lambda: services.close_activation(by=request.user, activation=activation),
        _("The activation is closed."),
    )
