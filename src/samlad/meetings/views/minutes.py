"""The minutes: reading them out before the approval (the page shows exactly what will be
approved), approving, opening a new version, and every approved version as a page, a print
layout and a document to download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from samlad.meetings import document, minutes, rules, selectors, services
from samlad.meetings.forms import ApproveForm
from samlad.meetings.views.common import found, visible_meeting


def _read_out(request, meeting, form, *, status=200, changed=False):
    context = {
        "meeting": meeting,
        "minutes": minutes.readable(minutes.content(meeting)),
        "form": form,
        "changed": changed,
        "latest": selectors.minutes_versions(meeting).first(),
    }
    return render(request, "meetings/read_out.html", context, status=status)


@never_cache
@login_required
def read_out(request, public_id):
    """GET: the minutes as they stand, to read out; POST: record the approval."""
    meeting = visible_meeting(request, public_id)
    if not rules.can_approve_minutes(request.user, meeting):
        raise PermissionDenied
    if request.method != "POST":
        return _read_out(
            request, meeting, ApproveForm(initial={"revision": meeting.minutes_revision})
        )
    form = ApproveForm(request.POST)
    if not form.is_valid():
        return _read_out(request, meeting, form, status=400)
    try:
        version = services.approve_minutes(
            by=request.user,
            meeting=meeting,
            revision=form.cleaned_data["revision"],
            change_note=form.cleaned_data["change_note"],
        )
    except services.MinutesChanged:
        meeting.refresh_from_db()
        fresh = ApproveForm(
            initial={
                "revision": meeting.minutes_revision,
                "change_note": form.cleaned_data["change_note"],
            }
        )
        return _read_out(request, meeting, fresh, status=409, changed=True)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("meetings:detail", meeting.public_id)
    messages.success(
        request,
        _("The minutes are approved as version %(number)s and sent to the participants.")
        % {"number": version.number},
    )
    return redirect("meetings:minutes_version", meeting.public_id, version.number)


@login_required
@require_POST
def new_version(request, public_id):
    meeting = visible_meeting(request, public_id, via=None)
    try:
        services.start_new_version(by=request.user, meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The minutes are open for changes; approve them again as the next version.")
        )
    return redirect("meetings:detail", meeting.public_id)


def _version(request, public_id, number, via):
    meeting = visible_meeting(request, public_id, via=via)
    version = found(selectors.minutes_version, meeting, number=number)
    return meeting, version


@never_cache
@login_required
@require_GET
def version(request, public_id, number):
    meeting, minutes_version = _version(request, public_id, number, "page")
    context = {
        "meeting": meeting,
        "version": minutes_version,
        "minutes": minutes.readable(minutes_version.content),
        "versions": list(selectors.minutes_versions(meeting)),
    }
    return render(request, "meetings/minutes_version.html", context)


@never_cache
@login_required
@require_GET
def print_version(request, public_id, number):
    meeting, minutes_version = _version(request, public_id, number, "print")
    context = {
        "meeting": meeting,
        "version": minutes_version,
        "minutes": minutes.readable(minutes_version.content),
    }
    return render(request, "meetings/minutes_print.html", context)


@never_cache
@login_required
@require_GET
def download(request, public_id, number):
    """The approved version as a self-contained HTML document (the e-mail attachment)."""
    _meeting, minutes_version = _version(request, public_id, number, "export")
    response = HttpResponse(
        document.as_html(minutes_version), content_type="text/html; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{document.filename(minutes_version)}"'
    return response
