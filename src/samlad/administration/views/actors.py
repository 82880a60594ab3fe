"""The actor registry, kept by platform administrators: add an actor (it gets the standard
functions), change its registry details, take it out of the network and bring it back."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from samlad.actors import services
from samlad.administration.forms import ActorForm, show_errors
from samlad.administration.views.common import for_administered_actor, platform_only


def _to_actor_page(actor):
    return redirect("administration:actor", actor_id=actor.public_id)


@never_cache
@login_required
@platform_only
@require_http_methods(["GET", "POST"])
def create(request):
    """A new actor of the network."""
    form = ActorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actor = services.create_actor(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("%(name)s is added to the network.") % {"name": actor})
            return _to_actor_page(actor)
    return render(request, "administration/actor_form.html", {"form": form})


@for_administered_actor
@platform_only
@require_http_methods(["GET", "POST"])
def edit(request, actor):
    """Change an actor's registry details."""
    form = ActorForm(request.POST or None, initial=model_to_dict(actor, services.ACTOR_FIELDS))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_actor(by=request.user, actor=actor, **form.cleaned_data)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The changes are saved."))
            return _to_actor_page(actor)
    return render(request, "administration/actor_form.html", {"form": form, "actor": actor})


@for_administered_actor
@platform_only
@require_http_methods(["GET", "POST"])
def deactivate(request, actor):
    """Ask first, then take the actor out of the network: its users can no longer sign in."""
    if request.method == "POST":
        services.set_actor_active(by=request.user, actor=actor, active=False)
        messages.success(request, _("%(name)s is deactivated.") % {"name": actor})
        return _to_actor_page(actor)
    return render(request, "administration/actor_deactivate.html", {"actor": actor})


@for_administered_actor
@platform_only
@require_POST
def activate(request, actor):
    """Bring a deactivated actor back into the network."""
    services.set_actor_active(by=request.user, actor=actor, active=True)
    messages.success(request, _("%(name)s is active again.") % {"name": actor})
    return _to_actor_page(actor)
