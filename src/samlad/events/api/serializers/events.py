"""Events (händelser) and the catalogue of event types, as the API reads and writes them."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from samlad.core.models import Classification
from samlad.events import selectors
from samlad.events.api.serializers.common import ActorField, ActorSummarySerializer, MarkingField
from samlad.events.models import Event, EventStatus, EventType, Mode

GEOJSON = {
    "type": "object",
    "nullable": True,
    "description": "A GeoJSON Point, Polygon or MultiPolygon in WGS 84 longitude/latitude.",
    "example": {"type": "Point", "coordinates": [18.07, 59.33]},
}


class EventTypeSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)

    class Meta:
        model = EventType
        fields = ["id", "slug", "name_sv", "name_en", "is_active"]
        read_only_fields = fields


class EventTypeWriteSerializer(serializers.Serializer):
    slug = serializers.SlugField(max_length=40)
    name_sv = serializers.CharField(max_length=120)
    name_en = serializers.CharField(max_length=120)
    is_active = serializers.BooleanField(required=False)


@extend_schema_field(GEOJSON)
class AreaField(serializers.JSONField):
    """The event's area; the service checks that it is GeoJSON."""


class EventSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    type = EventTypeSerializer(source="event_type", read_only=True)
    marking = MarkingField()
    lead_actor = ActorSummarySerializer(read_only=True, allow_null=True)
    affected_actors = ActorSummarySerializer(many=True, read_only=True)
    owner_actor = ActorSummarySerializer(read_only=True)
    shared_with = ActorSummarySerializer(many=True, read_only=True)
    area = AreaField(read_only=True)

    class Meta:
        model = Event
        fields = [
            "id",
            "title",
            "description",
            "type",
            "mode",
            "is_exercise",
            "marking",
            "status",
            "lead_actor",
            "affected_actors",
            "place",
            "area",
            "starts_at",
            "ends_at",
            "classification",
            "shared_with",
            "osl_reference",
            "owner_actor",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class EventWriteSerializer(serializers.Serializer):
    """An event's details. On create, `title` and `type` are required; on update (PATCH), only
    the fields sent change."""

    title = serializers.CharField(max_length=200)
    description = serializers.CharField(allow_blank=True, required=False, trim_whitespace=False)
    type = serializers.SlugRelatedField(
        slug_field="slug",
        source="event_type",
        queryset=selectors.event_types(),
        help_text="The slug of an event type in use (see /api/v1/event-types/).",
    )
    mode = serializers.ChoiceField(choices=Mode.choices, required=False)
    is_exercise = serializers.BooleanField(required=False)
    lead_actor = ActorField(allow_null=True, required=False)
    affected_actors = ActorField(many=True, required=False)
    place = serializers.CharField(max_length=200, allow_blank=True, required=False)
    area = AreaField(required=False, allow_null=True)
    starts_at = serializers.DateTimeField(
        required=False, help_text="Default: now. May lie months ahead for a planned event."
    )
    ends_at = serializers.DateTimeField(required=False, allow_null=True)
    classification = serializers.ChoiceField(choices=Classification.choices, required=False)
    shared_with = ActorField(
        many=True,
        required=False,
        help_text="The actors that see a restricted or confidential event.",
    )
    osl_reference = serializers.CharField(max_length=120, allow_blank=True, required=False)


class EventFilterSerializer(serializers.Serializer):
    """The filters of the event list; every one given must match."""

    status = serializers.ChoiceField(choices=EventStatus.choices, required=False)
    mode = serializers.ChoiceField(choices=Mode.choices, required=False)
    exercise = serializers.BooleanField(
        required=False, allow_null=True, default=None, help_text="Only exercises, or none."
    )
    type = serializers.SlugField(required=False, help_text="An event type's slug.")
    q = serializers.CharField(
        max_length=200, required=False, help_text="Words of the title, description or place."
    )

    def selector_arguments(self) -> dict:
        data = self.validated_data
        return {
            "status": data.get("status"),
            "mode": data.get("mode"),
            "is_exercise": data.get("exercise"),
            "event_type": data.get("type"),
            "query": data.get("q", ""),
        }
