"""Published versions of the consolidated picture: the full version, the short version for
communicators, the print layout, and what changed between two versions."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from samlad.core.errors import NotFound
from samlad.events import diff, selectors
from samlad.events.forms import CompareForm
from samlad.events.views.common import visible_event


def _version(request, public_id, number):
    event = visible_event(request, public_id)
    try:
        return event, selectors.picture_version(event, number=number)
    except NotFound:
        raise Http404 from None


@never_cache
@login_required
@require_GET
def version(request, public_id, number):
    event, picture = _version(request, public_id, number)
    return render(
        request,
        "events/picture_version.html",
        {"event": event, "picture": picture, "versions": selectors.picture_versions(event)},
    )


@never_cache
@login_required
@require_GET
def short_version(request, public_id, number):
    """For communicators: only what may be passed on."""
    event, picture = _version(request, public_id, number)
    return render(request, "events/picture_short.html", {"event": event, "picture": picture})


@never_cache
@login_required
@require_GET
def print_version(request, public_id, number):
    event, picture = _version(request, public_id, number)
    return render(
        request,
        "events/picture_print.html",
        {
            "event": event,
            "picture": picture,
            "shared_with": list(event.shared_with.all()) if event.classification != "open" else [],
            "reports": selectors.reports_behind(request.user, picture),
        },
    )


@never_cache
@login_required
@require_GET
def compare(request, public_id):
    event = visible_event(request, public_id)
    versions = {picture.number: picture for picture in selectors.picture_versions(event)}
    form = CompareForm(request.GET or None, numbers=sorted(versions))
    changes = None
    if form.is_valid():
        old, new = versions[form.cleaned_data["fran"]], versions[form.cleaned_data["till"]]
        changes = diff.compare(old, new)
    return render(
        request,
        "events/picture_compare.html",
        {"event": event, "form": form, "changes": changes, "has_versions": bool(versions)},
    )
