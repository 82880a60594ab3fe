"""The live call-out board of one activation (/aktivering/<id>/). The board section is a
template partial that htmx re-fetches when the live stream says something changed."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from samlad.activation import rules
from samlad.activation.board import board_for
from samlad.activation.forms import AddActorsForm
from samlad.activation.models import Answer
from samlad.activation.views.common import visible_activation
from samlad.core import live


def board_context(request, activation) -> dict:
    return {
        "activation": activation,
        "board": board_for(request.user, activation),
        "can_activate": rules.can_activate(request.user) and activation.is_open,
        "show_contacts": rules.can_see_contact_details(request.user),
        "answer_choices": Answer.choices,
    }


@never_cache
@login_required
@require_GET
def board(request, public_id):
    activation = visible_activation(request, public_id)
    if request.GET.get("partial") == "board":
        return render(request, "activation/board.html#board", board_context(request, activation))
    change_id = live.latest_change_id(activation.topic)
    context = board_context(request, activation) | {"change_id": change_id}
    if context["can_activate"]:
        context["add_actors_form"] = AddActorsForm(activation=activation)
    return render(request, "activation/board.html", context)
