"""The feed sources Samlad polls (e.g. SMHI's warnings), for platform administrators: each one's
state, so that a feed that fails is seen. They are edited in the admin."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from samlad.core import access
from samlad.notices import selectors


@never_cache
@login_required
@require_GET
def feed_sources(request):
    if not access.is_platform_admin(request.user):
        raise PermissionDenied
    return render(request, "notices/feed_sources.html", {"sources": selectors.feed_sources()})
