"""Pieces every events resource uses: actors named by their public id, a short reference to an
event, and the EXERCISE (ÖVNING) marking."""

import uuid

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from samlad.actors.models import Actor


class ActorSummarySerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)


class ActorField(serializers.SlugRelatedField):
    """An active actor of the network, given by its id (a UUID)."""

    default_error_messages = {
        "does_not_exist": gettext_lazy("No active actor has the id {value}."),
        "invalid": gettext_lazy("An actor is given by its id (a UUID)."),
    }

    def __init__(self, **kwargs):
        super().__init__(
            slug_field="public_id", queryset=Actor.objects.filter(is_active=True), **kwargs
        )

    def to_internal_value(self, data):
        try:
            uuid.UUID(str(data))
        except ValueError:
            self.fail("invalid")
        return super().to_internal_value(data)


def marking(event) -> str:
    """EXERCISE (ÖVNING) for an exercise event, else empty: everything about an exercise says so."""
    return _("EXERCISE") if event.is_exercise else ""


@extend_schema_field(
    {"type": "string", "description": "EXERCISE (ÖVNING) for an exercise event, else empty."}
)
class MarkingField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value) -> str:
        return marking(value)


class EventReferenceSerializer(serializers.Serializer):
    """Which event a picture, log entry or search hit belongs to."""

    id = serializers.UUIDField(source="public_id", read_only=True)
    title = serializers.CharField(read_only=True)
    is_exercise = serializers.BooleanField(read_only=True)
    marking = MarkingField()


class ProblemSerializer(serializers.Serializer):
    """An error as a JSON problem document (RFC 9457), content type application/problem+json."""

    status = serializers.IntegerField()
    title = serializers.CharField()
    detail = serializers.CharField(required=False)
    errors = serializers.DictField(
        required=False, help_text="What was wrong with the input, field by field."
    )
