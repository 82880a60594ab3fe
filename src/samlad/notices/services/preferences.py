"""Notification settings: a user sets their own; an actor's permission administrator sees and
sets those of its own users (never another actor's); following events. The pages and the API ask
the same rules here."""

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.core import access, log
from samlad.core.errors import NotFound, NotPermitted
from samlad.events import selectors as event_selectors
from samlad.notices.models import (
    EventFollow,
    NotificationPreference,
    PreferenceChannel,
    RecipientTiming,
    Scope,
)


def can_manage_settings_of(by: User, user) -> bool:
    """Oneself, or the permission administrator of the user's own actor."""
    if not access.is_network_member(by):
        return False
    if by.pk == user.pk:
        return True
    return by.is_permission_admin and by.actor_id == user.actor_id


def administers_settings(by: User) -> bool:
    """Who may open other users' settings at all: an actor's permission administrator (for its
    own actor's users only, see managed_user). Anyone else is refused before any lookup."""
    return access.is_network_member(by) and by.is_permission_admin


def managed_user(by: User, public_id) -> User:
    """A user whose settings `by`, a permission administrator, sees and sets: one of by's own
    actor's users. Another actor's user is NotFound, as if there were none (also a bad id)."""
    try:
        public_id = uuid.UUID(str(public_id))
    except ValueError:
        raise NotFound from None
    subject = None
    if administers_settings(by):
        subject = User.objects.filter(public_id=public_id, actor_id=by.actor_id).first()
    if subject is None or not can_manage_settings_of(by, subject):
        raise NotFound
    return subject


def preferences_of(user) -> dict[str, NotificationPreference]:
    """The user's setting for each channel; unsaved, switched off, where they have none."""
    saved = {p.channel: p for p in user.notice_preferences.prefetch_related("categories")}
    return {
        channel: saved.get(channel) or NotificationPreference(user=user, channel=channel)
        for channel in PreferenceChannel.values
    }


def _snapshot(preference: NotificationPreference) -> dict:
    return {
        "enabled": preference.enabled,
        "all_categories": preference.all_categories,
        "categories": sorted(c.slug for c in preference.categories.all()),
        "scope": preference.scope,
        "timing": preference.timing,
    }


@transaction.atomic
def set_preference(
    *,
    by: User,
    user,
    channel: str,
    enabled: bool,
    all_categories: bool = True,
    categories=(),
    scope: str = Scope.ALL,
    timing: str = RecipientTiming.IMMEDIATE,
) -> NotificationPreference:
    """Set one channel's notification setting of `user`."""
    if not can_manage_settings_of(by, user):
        raise NotPermitted(_("You may set only your own settings, or those of your actor's users."))
    errors = {}
    if channel not in PreferenceChannel.values:
        errors["channel"] = _("Choose e-mail or SMS.")
    if scope not in Scope.values:
        errors["scope"] = _("Choose all notices or only those of events you follow.")
    if timing not in RecipientTiming.values:
        errors["timing"] = _("Choose at once or as a digest.")
    if enabled and channel == PreferenceChannel.SMS and not user.phone:
        errors["enabled"] = _("There is no mobile number in the account to send SMS to.")
    if enabled and channel == PreferenceChannel.EMAIL and not user.email:
        errors["enabled"] = _("There is no e-mail address in the account.")
    if enabled and not all_categories and not list(categories):
        errors["categories"] = _("Choose at least one category, or all categories.")
    if errors:
        raise ValidationError(errors)
    preference, _created = NotificationPreference.objects.get_or_create(user=user, channel=channel)
    before = _snapshot(preference)
    preference.enabled = enabled
    preference.all_categories = all_categories
    preference.scope = scope
    preference.timing = timing
    preference.save()
    preference.categories.set([] if all_categories else categories)
    old, new = log.changes(before, _snapshot(preference))
    if new:
        log.record(
            by=by,
            action="notice_settings.changed",
            target=user,
            summary=f"{user.username} {channel}",
            before=old,
            after=new,
        )
    return preference


def _visible_event(by: User, event):
    try:
        return event_selectors.event_for(by, public_id=event.public_id)
    except NotFound:
        raise NotPermitted(_("No such event.")) from None


@transaction.atomic
def follow_event(*, by: User, event) -> EventFollow:
    """Follow an event: notices about it reach you when you chose only those of followed events."""
    _visible_event(by, event)
    follow, _created = EventFollow.objects.get_or_create(user=by, event=event)
    return follow


@transaction.atomic
def unfollow_event(*, by: User, event) -> None:
    """Stops the user following an event's notices; nothing happens if they did not follow it."""
    EventFollow.objects.filter(user=by, event=event).delete()


def follows(user, event) -> bool:
    """Whether the user follows an event's notices."""
    return EventFollow.objects.filter(user=user, event=event).exists()
