"""The meeting page's add-forms: roll call, actor reports, action items and decisions, raised
matters. With htmx a form answers with itself (fresh, or with its errors) and its section's new
list out of band; without JavaScript the page reloads at the section, or shows the form's errors."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samlad.core.forms import show_service_errors
from samlad.meetings import selectors, services
from samlad.meetings.forms import (
    ActionForm,
    ActorReportForm,
    AttendeeForm,
    PresenceForm,
    RaiseMatterForm,
)
from samlad.meetings.views.common import found, visible_meeting
from samlad.meetings.views.context import PARTIALS, Permissions, other_forums, partial_template
from samlad.meetings.views.meetingpage import render_page


def _anchor(meeting, section: str) -> str:
    return reverse("meetings:detail", args=[meeting.public_id]) + f"#{section}"


def _answer(
    request,
    meeting,
    *,
    form,
    fresh: Callable,
    save: Callable,
    form_name: str,
    section: str,
    done: str,
):
    """Validate, save through the service, and answer as described above."""
    if form.is_valid():
        try:
            save(form)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            if not request.htmx:
                messages.success(request, done)
                return redirect(_anchor(meeting, section))
            context = {
                "meeting": meeting,
                "perms": Permissions.of(request.user, meeting),
                form_name: fresh(),
            }
            context |= PARTIALS[section_partial(section)](request, meeting)
            context |= {
                "form_template": partial_template(form_name),
                "list_template": partial_template(section_partial(section)),
                "list_id": f"{section}-lista",
            }
            return render(request, "meetings/_form_and_list.html", context)
    if request.htmx:
        context = {
            "meeting": meeting,
            "perms": Permissions.of(request.user, meeting),
            form_name: form,
        }
        return render(request, partial_template(form_name), context)
    return render_page(request, meeting, status=400, **{form_name: form})


SECTIONS = {
    "narvaro": "attendance",
    "rapporter": "reports",
    "atgarder": "actions",
    "arenden": "matters",
}


def section_partial(section: str) -> str:
    return SECTIONS[section]


@login_required
@require_POST
def add_attendee(request, public_id):
    meeting = visible_meeting(request, public_id, via=None)
    return _answer(
        request,
        meeting,
        form=AttendeeForm(request.POST),
        fresh=AttendeeForm,
        save=lambda form: services.add_attendee(
            by=request.user, meeting=meeting, **form.service_arguments()
        ),
        form_name="attendee_form",
        section="narvaro",
        done=_("Added to the attendance list."),
    )


@login_required
@require_POST
def roll_call(request, public_id, row_id):
    """One row of the attendance list: present, absent, function, mandate."""
    meeting = visible_meeting(request, public_id, via=None)
    row = found(selectors.attendance_row, meeting, public_id=row_id)
    form = PresenceForm(request.POST, prefix=f"n{row.pk}")
    if form.is_valid():
        try:
            services.update_attendee(by=request.user, row=row, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Choose present, absent, joining later or apologies."))
    if request.htmx:
        context = {"meeting": meeting, "perms": Permissions.of(request.user, meeting)}
        context |= PARTIALS["attendance"](request, meeting)
        return render(request, partial_template("attendance"), context)
    return redirect(_anchor(meeting, "narvaro"))


@login_required
@require_POST
def refresh_attendance(request, public_id):
    meeting = visible_meeting(request, public_id, via=None)
    try:
        added = services.refresh_from_call_out(by=request.user, meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("%(count)s new answers taken from the call-out.") % {"count": added}
        )
    return redirect(_anchor(meeting, "narvaro"))


@login_required
@require_POST
def add_action(request, public_id):
    meeting = visible_meeting(request, public_id, via=None)
    items = selectors.agenda(meeting)
    return _answer(
        request,
        meeting,
        form=ActionForm(request.POST, items=items),
        fresh=lambda: ActionForm(items=items),
        save=lambda form: services.add_action(
            by=request.user, meeting=meeting, **form.service_arguments()
        ),
        form_name="action_form",
        section="atgarder",
        done=_("The action item is recorded."),
    )


@login_required
@require_POST
def record_report(request, public_id):
    meeting = visible_meeting(request, public_id, via=None)
    return _answer(
        request,
        meeting,
        form=ActorReportForm(request.POST),
        fresh=ActorReportForm,
        save=lambda form: services.record_actor_report(
            by=request.user, meeting=meeting, **form.service_arguments()
        ),
        form_name="report_form",
        section="rapporter",
        done=_("The actor's report is recorded in the event."),
    )


@login_required
@require_POST
def raise_matter(request, public_id):
    meeting = visible_meeting(request, public_id, via=None)
    items = selectors.agenda(meeting)
    forums = other_forums(meeting)
    return _answer(
        request,
        meeting,
        form=RaiseMatterForm(request.POST, forums=forums, items=items),
        fresh=lambda: RaiseMatterForm(forums=forums, items=items),
        save=lambda form: services.raise_matter(
            by=request.user, meeting=meeting, **form.service_arguments()
        ),
        form_name="matter_form",
        section="arenden",
        done=_("The matter is sent to the forum's next meeting."),
    )
