"""The start of administration: platform administrators choose an actor, an actor's permission
administrator goes straight to its own; then the actor's users, functions and contact points."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from samlad.administration import selectors
from samlad.administration.views.common import for_administered_actor
from samlad.core import access


@never_cache
@login_required
@require_GET
def overview(request):
    """Every actor for a platform administrator (with search); the own actor's page for anyone
    else who administers one."""
    if not access.is_platform_admin(request.user):
        actors = selectors.actors_to_administer(request.user)
        if not actors:
            raise PermissionDenied
        return _actor_page(request, actors[0])
    search = request.GET.get("q", "").strip()[:100]
    actors = selectors.actors_to_administer(request.user, search=search)
    return render(request, "administration/overview.html", {"actors": actors, "search": search})


@for_administered_actor
@require_GET
def actor_page(request, actor):
    """One actor's users, functions (with call-out order) and contact points."""
    return _actor_page(request, actor)


def _actor_page(request, actor):
    points = list(selectors.contact_points_of(request.user, actor).prefetch_related("shared_with"))
    access.note_reads(request.user, points, via="administration")
    context = {
        "actor": actor,
        "users": selectors.users_of(actor, viewer=request.user),
        "functions": selectors.functions_of(actor),
        "contact_points": points,
        "is_platform_admin": access.is_platform_admin(request.user),
    }
    return render(request, "administration/actor.html", context)
