"""The picture editor: TiB/RSIB compile the consolidated picture from the actors' reports, save
the draft and publish it. A save against a draft someone else has saved since shows both texts
side by side and keeps the editor's own text in the form, so nothing is lost."""

from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from samlad.core import live
from samlad.core.forms import label, show_service_errors
from samlad.events import rules, selectors, services
from samlad.events.forms import PictureDraftForm
from samlad.events.models import PictureDraft
from samlad.events.services.events import topic
from samlad.events.views.common import positive_int, visible_event

TEMPLATE = "events/picture_editor.html"


def _shown(value) -> str:
    if isinstance(value, datetime):
        return date_format(localtime(value), "Y-m-d H:i")
    return value or ""


def _page(request, event, form, *, conflict=None, status=200):
    draft = selectors.picture_draft(event)
    context = {
        "event": event,
        "form": form,
        "draft": draft,
        "opened_revision": positive_int(form["revision"].value()) or 0,
        "change_id": live.latest_change_id(topic(event)),
        "reports": selectors.current_reports(request.user, event),
        "latest": selectors.picture_versions(event).first(),
    }
    if conflict is not None:
        context["conflict"] = conflict
        context["conflict_changes"] = [
            {
                "label": label(PictureDraft, name),
                "theirs": _shown(getattr(conflict.draft, name)),
                "yours": _shown(conflict.submitted.get(name)),
            }
            for name in conflict.changed
        ]
    return render(request, TEMPLATE, context, status=status)


def _conflict(request, event, conflict):
    """Keep what this editor wrote; the next save knowingly replaces the other one's."""
    data = request.POST.copy()
    data["revision"] = conflict.draft.revision
    form = PictureDraftForm(data)
    form.is_valid()
    return _page(request, event, form, conflict=conflict, status=409)


def _publish(request, event, draft):
    try:
        version = services.publish_picture(by=request.user, event=event, revision=draft.revision)
    except services.DraftConflict as conflict:
        return _conflict(request, event, conflict)
    except ValidationError as error:
        messages.error(
            request,
            _("The draft is saved but not published: %(reason)s")
            % {"reason": " ".join(error.messages)},
        )
        return redirect("events:picture_editor", event.public_id)
    messages.success(request, _("Version %(number)s is published.") % {"number": version.number})
    return redirect("events:picture_version", event.public_id, version.number)


def _save(request, event):
    form = PictureDraftForm(request.POST)
    if not form.is_valid():
        return _page(request, event, form)
    try:
        draft = services.save_picture_draft(
            by=request.user,
            event=event,
            revision=form.cleaned_data["revision"],
            **form.draft_fields(),
        )
    except services.DraftConflict as conflict:
        return _conflict(request, event, conflict)
    except ValidationError as error:
        show_service_errors(form, error)
        return _page(request, event, form)
    if "publish" in request.POST:
        return _publish(request, event, draft)
    messages.success(request, _("The draft is saved."))
    return redirect("events:picture_editor", event.public_id)


def _partial(request, event, name: str):
    if name == "reports":
        context = {"reports": selectors.current_reports(request.user, event)}
    else:
        context = {
            "draft": selectors.picture_draft(event),
            "opened_revision": positive_int(request.GET.get("revision")) or 0,
        }
    return render(request, f"{TEMPLATE}#{name}", {"event": event} | context)


@never_cache
@login_required
def editor(request, public_id):
    event = visible_event(request, public_id)
    if not rules.can_compile_picture(request.user, event):
        raise PermissionDenied
    if request.method == "POST":
        return _save(request, event)
    partial = request.GET.get("partial")
    if partial in ("reports", "draft_status"):
        return _partial(request, event, partial)
    form = PictureDraftForm(initial=PictureDraftForm.initial_for(selectors.picture_draft(event)))
    return _page(request, event, form)
