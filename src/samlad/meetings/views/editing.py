"""Planning a meeting, changing it, starting, ending or cancelling it, sending the invitations,
booking the next one, and the meeting as an iCalendar file."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from samlad.activation.models import Activation
from samlad.activation.selectors import forums_in_use
from samlad.core.forms import show_service_errors
from samlad.events import selectors as event_selectors
from samlad.meetings import calendar, rules, selectors, services
from samlad.meetings.forms import (
    MeetingChangeForm,
    MeetingForm,
    NextMeetingForm,
)
from samlad.meetings.views.common import visible_meeting
from samlad.meetings.views.meetingpage import render_page


def _meeting_form(request, data=None):
    forums = list(forums_in_use())
    events = list(event_selectors.visible_events(request.user, status="open")[:200])
    form = MeetingForm(data, forums=forums, events=events)
    if data is None:
        wanted = request.GET.get("forum")
        forum = next((f for f in forums if str(f.public_id) == wanted), None)
        form.initial["forum"] = forum.pk if forum else None
        form.initial["shared_with"] = form.designated_actor_ids()
    return form


@never_cache
@login_required
def create(request):
    if not rules.can_plan_meetings(request.user):
        raise PermissionDenied
    form = _meeting_form(request, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.create_meeting(by=request.user, **form.service_arguments())
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("The meeting is planned."))
            return redirect("meetings:detail", meeting.public_id)
    status = 400 if form.is_bound else 200
    return render(request, "meetings/meeting_form.html", {"form": form}, status=status)


@login_required
@require_POST
def open_for_activation(request, activation_id):
    """The meeting of an activation: its forum, time, line and event, and the call-out's answers
    as the start of the roll call."""
    activation = Activation.objects.filter(public_id=activation_id).first()
    if activation is None or not rules.can_plan_meetings(request.user):
        raise Http404
    existing = activation.meetings.order_by("starts_at").first()
    if existing is not None and rules.can_view_meeting(request.user, existing):
        return redirect("meetings:detail", existing.public_id)
    try:
        meeting = services.meeting_for_activation(by=request.user, activation=activation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("meetings:list")
    messages.success(request, _("The meeting is planned."))
    return redirect("meetings:detail", meeting.public_id)


@never_cache
@login_required
def edit(request, public_id):
    meeting = visible_meeting(request, public_id)
    if not rules.can_host(request.user, meeting):
        raise PermissionDenied
    if request.method == "POST":
        form = MeetingChangeForm(request.POST)
        if form.is_valid():
            try:
                services.update_meeting(by=request.user, meeting=meeting, **form.cleaned_data)
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("The meeting is changed; the invited get the change."))
                return redirect("meetings:detail", meeting.public_id)
    else:
        form = MeetingChangeForm(initial=MeetingChangeForm.initial_for(meeting))
    status = 400 if form.is_bound else 200
    return render(
        request, "meetings/meeting_change.html", {"meeting": meeting, "form": form}, status=status
    )


TRANSITIONS = {
    "start": (services.start_meeting, _("The meeting has started.")),
    "end": (services.end_meeting, _("The meeting has ended.")),
    "cancel": (services.cancel_meeting, _("The meeting is cancelled; the invited are told.")),
}


@login_required
@require_POST
def change_status(request, public_id):
    meeting = visible_meeting(request, public_id, via=None)
    wanted = TRANSITIONS.get(request.POST.get("to"))
    if wanted is None:
        messages.error(request, _("Choose start, end or cancel."))
        return redirect("meetings:detail", meeting.public_id)
    service, done = wanted
    try:
        service(by=request.user, meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("meetings:detail", meeting.public_id)


@login_required
@require_POST
def invite(request, public_id):
    meeting = visible_meeting(request, public_id, via=None)
    try:
        count = services.send_invitations(by=request.user, meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(count)s invitations sent.") % {"count": count})
    return redirect("meetings:detail", meeting.public_id)


@login_required
@require_POST
def book_next(request, public_id):
    meeting = visible_meeting(request, public_id, via=None)
    form = NextMeetingForm(request.POST)
    if form.is_valid():
        try:
            booked = services.book_next_meeting(
                by=request.user, meeting=meeting, **form.cleaned_data
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("The next meeting is planned."))
            return redirect("meetings:detail", booked.public_id)
    return render_page(request, meeting, status=400, next_form=form)


@never_cache
@login_required
@require_GET
def ics(request, public_id):
    """The meeting for the user's own calendar."""
    meeting = visible_meeting(request, public_id, via="export")
    url = settings.SITE_URL + reverse("meetings:detail", args=[meeting.public_id])
    agenda = [item.title for item in selectors.agenda(meeting)]
    text = calendar.invitation(
        meeting,
        email=request.user.email or "samlad@localhost",
        name=str(request.user),
        agenda=agenda,
        url=url,
        cancel=meeting.status == "cancelled",
    )
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mote.ics"'
    return response
