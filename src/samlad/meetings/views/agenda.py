"""The agenda: writing an item's minutes (htmx swaps the item; without JavaScript the page
reloads), and RSIB adding, moving and removing items. A save against notes someone else saved
since shows both texts and keeps the writer's own in the form, so nothing is lost."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from samlad.core.forms import show_service_errors
from samlad.meetings import selectors, services
from samlad.meetings.forms import AgendaItemForm, MoveForm, NotesForm
from samlad.meetings.views.common import found, visible_meeting
from samlad.meetings.views.context import Permissions, item_context
from samlad.meetings.views.meetingpage import render_page


def item_anchor(meeting, item) -> str:
    return reverse("meetings:detail", args=[meeting.public_id]) + f"#punkt-{item.position}"


def _item_response(request, meeting, item, *, form=None, conflict=None, status=200):
    perms = Permissions.of(request.user, meeting)
    context = {"meeting": meeting} | item_context(
        request, meeting, item, perms=perms, form=form, conflict=conflict
    )
    if request.htmx:
        # htmx swaps only 2xx answers: a conflict is shown in place with 200.
        return render(request, "meetings/_item.html", context)
    return render(request, "meetings/item.html", context, status=status)


def _conflict(request, meeting, conflict):
    data = request.POST.copy()
    data["revision"] = conflict.item.revision
    form = NotesForm(data)
    form.is_valid()
    return _item_response(request, meeting, conflict.item, form=form, conflict=conflict, status=409)


def _save(request, meeting, item):
    form = NotesForm(request.POST)
    if not form.is_valid():
        return _item_response(request, meeting, item, form=form, status=400)
    try:
        item = services.save_notes(
            by=request.user,
            item=item,
            revision=form.cleaned_data["revision"],
            notes=form.cleaned_data["notes"],
        )
    except services.NotesConflict as conflict:
        return _conflict(request, meeting, conflict)
    except ValidationError as error:
        show_service_errors(form, error)
        return _item_response(request, meeting, item, form=form, status=400)
    if request.htmx:
        return _item_response(request, meeting, item)
    messages.success(request, _("Saved."))
    return redirect(item_anchor(meeting, item))


@never_cache
@login_required
def item(request, public_id, item_id):
    meeting = visible_meeting(request, public_id, via=None if request.htmx else "page")
    agenda_item = found(selectors.agenda_item, meeting, public_id=item_id)
    if request.method == "POST":
        return _save(request, meeting, agenda_item)
    return _item_response(request, meeting, agenda_item)


@login_required
@require_POST
def add_item(request, public_id):
    meeting = visible_meeting(request, public_id, via=None)
    form = AgendaItemForm(request.POST)
    if form.is_valid():
        try:
            added = services.add_item(by=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            return redirect(item_anchor(meeting, added))
    return render_page(request, meeting, status=400, agenda_form=form)


@login_required
@require_POST
def move_item(request, public_id, item_id):
    meeting = visible_meeting(request, public_id, via=None)
    agenda_item = found(selectors.agenda_item, meeting, public_id=item_id)
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose where the item goes."))
        return redirect(item_anchor(meeting, agenda_item))
    try:
        services.move_item(by=request.user, item=agenda_item, to=form.cleaned_data["to"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    agenda_item.refresh_from_db()
    return redirect(item_anchor(meeting, agenda_item))


@login_required
@require_POST
def remove_item(request, public_id, item_id):
    meeting = visible_meeting(request, public_id, via=None)
    agenda_item = found(selectors.agenda_item, meeting, public_id=item_id)
    try:
        services.remove_item(by=request.user, item=agenda_item)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("“%(title)s” is off the agenda; its notes are kept.") % {"title": agenda_item.title},
        )
    return redirect(reverse("meetings:detail", args=[meeting.public_id]) + "#dagordning")
