"""What every administration page shares: the actor in the address is resolved through what the
viewer may administer (404 otherwise), and platform-only pages refuse everyone else (403)."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.views.decorators.cache import never_cache

from samlad.administration import selectors
from samlad.core import access
from samlad.core.errors import NotFound


def for_administered_actor(view):
    """Call `view(request, actor, **kwargs)` with the actor named by `actor_id`; an actor the
    viewer may not administer, or none at all, is 404."""

    @never_cache
    @login_required
    @wraps(view)
    def wrapper(request, actor_id, **kwargs):
        try:
            actor = selectors.actor_to_administer(request.user, public_id=actor_id)
        except NotFound:
            raise Http404 from None
        return view(request, actor, **kwargs)

    return wrapper


def platform_only(view):
    """For pages only platform administrators use (the actor registry, platform rights)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not access.is_platform_admin(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def found(lookup, *args, **kwargs):
    """The record `lookup` finds, or 404."""
    try:
        return lookup(*args, **kwargs)
    except NotFound:
        raise Http404 from None
