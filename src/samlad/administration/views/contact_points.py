"""An actor's contact points: 24/7 numbers, function mailboxes, Rakel. Each is classified; only
contact points the administrator may read are shown and changed here."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samlad.actors import services
from samlad.administration import selectors
from samlad.administration.forms import ContactPointForm, show_errors
from samlad.administration.views.common import for_administered_actor, found
from samlad.core import access


def _form(request, actor, initial=None) -> ContactPointForm:
    return ContactPointForm(
        request.POST or None,
        initial=initial,
        function_choices=selectors.function_kinds_of(actor),
        other_actors=selectors.other_actors(actor),
        may_classify_confidential=request.user.can_read_confidential,
    )


def _fields(actor, form) -> dict:
    data = dict(form.cleaned_data)
    kind = data.pop("function")
    data["function"] = actor.functions.filter(kind=kind).first() if kind else None
    return data


def _back_to(actor):
    url = reverse("administration:actor", kwargs={"actor_id": actor.public_id})
    return redirect(f"{url}#kontaktvagar")


@for_administered_actor
@require_http_methods(["GET", "POST"])
def create(request, actor):
    """A new number or address for the actor or one of its functions."""
    form = _form(request, actor)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_contact_point(by=request.user, actor=actor, **_fields(actor, form))
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The contact point is saved."))
            return _back_to(actor)
    return render(request, "administration/contact_point_form.html", {"actor": actor, "form": form})


def _initial(point) -> dict:
    return {
        "function": point.function.kind if point.function_id else "",
        "channel": point.channel,
        "value": point.value,
        "label": point.label,
        "position": point.position,
        "classification": point.classification,
        "osl_reference": point.osl_reference,
        "shared_with": [str(actor.public_id) for actor in point.shared_with.all()],
    }


@for_administered_actor
@require_http_methods(["GET", "POST"])
def edit(request, actor, point_id):
    """Change a contact point; the audit log keeps the old value."""
    point = found(selectors.contact_point_of, request.user, actor, public_id=point_id)
    access.note_reads(request.user, [point], via="administration")
    form = _form(request, actor, initial=_initial(point))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_contact_point(by=request.user, point=point, **_fields(actor, form))
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The contact point is saved."))
            return _back_to(actor)
    context = {"actor": actor, "point": point, "form": form}
    return render(request, "administration/contact_point_form.html", context)


@for_administered_actor
@require_http_methods(["GET", "POST"])
def remove(request, actor, point_id):
    """Ask first, then remove a contact point that is no longer in use."""
    point = found(selectors.contact_point_of, request.user, actor, public_id=point_id)
    if request.method == "POST":
        services.remove_contact_point(by=request.user, point=point)
        messages.success(request, _("The contact point is removed."))
        return _back_to(actor)
    access.note_reads(request.user, [point], via="administration")
    context = {"actor": actor, "point": point}
    return render(request, "administration/contact_point_remove.html", context)
