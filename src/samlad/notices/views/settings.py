"""Notification settings: my own, and, for an actor's permission administrator, those of the
actor's users (never another actor's: they are not found)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from samlad.accounts.models import User
from samlad.core import access
from samlad.core.errors import NotFound
from samlad.core.forms import show_service_errors
from samlad.events.models import Event
from samlad.notices.forms import FollowForm, PreferenceForm
from samlad.notices.models import EventFollow, PreferenceChannel
from samlad.notices.services import preferences
from samlad.notices.views.common import open_events


def _forms(request, user) -> list[PreferenceForm]:
    current = preferences.preferences_of(user)
    return [
        PreferenceForm(
            request.POST or None,
            channel=channel,
            initial=PreferenceForm.initial_for(current[channel]),
        )
        for channel in PreferenceChannel.values
    ]


def _save(request, user, forms: list[PreferenceForm]) -> bool:
    if not all(form.is_valid() for form in forms):
        return False
    failed = None
    try:
        with transaction.atomic():
            for form in forms:
                failed = form
                preferences.set_preference(
                    by=request.user, user=user, channel=form.channel, **form.cleaned_data
                )
    except ValidationError as error:
        show_service_errors(failed, error)
        return False
    return True


def _settings_page(request, user, *, own: bool):
    forms = _forms(request, user)
    if request.method == "POST" and _save(request, user, forms):
        messages.success(request, _("The notification settings are saved."))
        return redirect(request.path)
    context = {
        "forms": forms,
        "subject": user,
        "own": own,
        # Only the events the reader may see (an administrator reads another user's page).
        "followed": EventFollow.objects.filter(
            user=user, event__in=access.visible_ids(Event, request.user)
        ).select_related("event"),
        "follow_form": FollowForm(events=open_events(user)) if own else None,
        "is_permission_admin": request.user.is_permission_admin,
    }
    return render(request, "notices/settings.html", context)


@never_cache
@login_required
def my_settings(request):
    if not access.is_network_member(request.user):
        raise PermissionDenied
    return _settings_page(request, request.user, own=True)


def _require_permission_admin(request) -> None:
    if not preferences.administers_settings(request.user):
        raise PermissionDenied


@never_cache
@login_required
def users(request):
    """The actor's users and what each receives."""
    _require_permission_admin(request)
    people = list(
        User.objects.filter(actor_id=request.user.actor_id, is_active=True).order_by("username")
    )
    settings_by_user = {person.pk: preferences.preferences_of(person) for person in people}
    rows = [(person, settings_by_user[person.pk]) for person in people]
    return render(request, "notices/settings_users.html", {"rows": rows})


@never_cache
@login_required
def user_settings(request, public_id):
    _require_permission_admin(request)
    try:
        subject = preferences.managed_user(request.user, public_id)
    except NotFound:
        raise Http404 from None
    return _settings_page(request, subject, own=subject.pk == request.user.pk)
