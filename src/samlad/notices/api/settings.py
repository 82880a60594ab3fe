"""/api/v1/me/notification-settings/: my notification settings per channel."""

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from samlad.notices.api.serializers import NotificationSettingsSerializer
from samlad.notices.models import EventFollow
from samlad.notices.services import preferences


def settings_of(user) -> dict:
    body = {}
    for channel, preference in preferences.preferences_of(user).items():
        body[channel] = {
            "enabled": preference.enabled,
            "all_categories": preference.all_categories,
            "categories": sorted(c.slug for c in preference.categories.all())
            if preference.pk
            else [],
            "scope": preference.scope,
            "timing": preference.timing,
        }
    body["followed_events"] = [
        str(event_id)
        for event_id in EventFollow.objects.filter(user=user).values_list(
            "event__public_id", flat=True
        )
    ]
    return body


class MyNotificationSettings(APIView):
    @extend_schema(responses=NotificationSettingsSerializer, summary="My notification settings")
    def get(self, request):
        return Response(settings_of(request.user))

    @extend_schema(
        request=NotificationSettingsSerializer,
        responses=NotificationSettingsSerializer,
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
