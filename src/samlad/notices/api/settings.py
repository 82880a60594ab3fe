"""Notification settings through the API: my own (/api/v1/me/notification-settings/), and, for an
actor's permission administrator, those of the actor's users
(/api/v1/users/{public_id}/notification-settings/), by the same rules as the pages
(samlad.notices.services.preferences): anyone else is refused (403) before any lookup, and another
actor's user is not found (404), as if there were none."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import permissions
from rest_framework.exceptions import ValidationError as InputError
from rest_framework.response import Response
from rest_framework.views import APIView

from samlad.api.schema import problems
from samlad.core import access
from samlad.events.models import Event
from samlad.notices.api.serializers import (
    NotificationSettingsSerializer,
    UserNotificationSettingsSerializer,
)
from samlad.notices.models import EventFollow
from samlad.notices.services import preferences


def _channel(preference) -> dict:
    return {
        "enabled": preference.enabled,
        "all_categories": preference.all_categories,
        "categories": sorted(c.slug for c in preference.categories.all()) if preference.pk else [],
        "scope": preference.scope,
        "timing": preference.timing,
    }


def channels_of(user) -> dict:
    return {
        channel: _channel(preference)
        for channel, preference in preferences.preferences_of(user).items()
    }


def settings_of(user) -> dict:
    body = channels_of(user)
    # Only the events the user may still see (one may have become confidential since).
    followed = EventFollow.objects.filter(user=user, event__in=access.visible_ids(Event, user))
    body["followed_events"] = [
        str(event_id) for event_id in followed.values_list("event__public_id", flat=True)
    ]
    return body


class MyNotificationSettings(APIView):
    @extend_schema(
        responses={200: NotificationSettingsSerializer, **problems(401)},
        summary="My notification settings",
    )
    def get(self, request):
        return Response(settings_of(request.user))

    @extend_schema(
        request=NotificationSettingsSerializer,
        responses={200: NotificationSettingsSerializer, **problems(400, 401)},
        summary="Set my notification settings (the channels given)",
    )
    def put(self, request):
        incoming = NotificationSettingsSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        with transaction.atomic():
            for channel, values in incoming.validated_data.items():
                preferences.set_preference(
                    by=request.user, user=request.user, channel=channel, **values
                )
        return Response(settings_of(request.user))


class AdministersSettings(permissions.BasePermission):
    message = gettext_lazy(
        "Only an actor's permission administrators see and set its users' notification settings."
    )

    def has_permission(self, request, view) -> bool:
        return preferences.administers_settings(request.user)


def _current(user) -> dict[str, dict]:
    """Each channel's setting as set_preference takes it."""
    current = {}
    for channel, preference in preferences.preferences_of(user).items():
        current[channel] = {
            "enabled": preference.enabled,
            "all_categories": preference.all_categories,
            "categories": list(preference.categories.all()) if preference.pk else [],
            "scope": preference.scope,
            "timing": preference.timing,
        }
    return current


def _save(by, user, channels: dict[str, dict]) -> None:
    """All channels or none; a refusal names its channel, as the input's own errors do."""
    with transaction.atomic():
        for channel, values in channels.items():
            try:
                preferences.set_preference(by=by, user=user, channel=channel, **values)
            except ValidationError as error:
                raise InputError({channel: error.message_dict}) from None


MEANINGS = {
    403: "Only an actor's permission administrators manage its users' notification settings.",
    404: "No such user, or one of another actor: the two look the same.",
}


class UserNotificationSettings(APIView):
    permission_classes = [permissions.IsAuthenticated, AdministersSettings]

    @extend_schema(
        operation_id="users_notification_settings_retrieve",
        summary="A user's notification settings",
        responses={
            200: UserNotificationSettingsSerializer,
            **problems(401, 403, 404, meanings=MEANINGS),
        },
        tags=["users"],
    )
    def get(self, request, public_id):
        user = preferences.managed_user(request.user, public_id)
        return Response(channels_of(user))

    @extend_schema(
        operation_id="users_notification_settings_update",
        summary="Set a user's notification settings (each channel given, as a whole)",
        description="A field left out of a channel takes its default (all categories, all "
        "notices, at once); a channel left out is not changed.",
        request=UserNotificationSettingsSerializer,
        responses={
            200: UserNotificationSettingsSerializer,
            **problems(400, 401, 403, 404, meanings=MEANINGS),
        },
        tags=["users"],
    )
    def put(self, request, public_id):
        user = preferences.managed_user(request.user, public_id)
        incoming = UserNotificationSettingsSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        _save(request.user, user, incoming.validated_data)
        return Response(channels_of(user))

    @extend_schema(
        operation_id="users_notification_settings_partial_update",
        summary="Change a user's notification settings (the fields given)",
        request=UserNotificationSettingsSerializer,
        responses={
            200: UserNotificationSettingsSerializer,
            **problems(400, 401, 403, 404, meanings=MEANINGS),
        },
        tags=["users"],
    )
    def patch(self, request, public_id):
        user = preferences.managed_user(request.user, public_id)
        incoming = UserNotificationSettingsSerializer(data=request.data, partial=True)
        incoming.is_valid(raise_exception=True)
        current = _current(user)
        _save(
            request.user,
            user,
            {
                channel: current[channel] | values
                for channel, values in incoming.validated_data.items()
            },
        )
        return Response(channels_of(user))
