"""Serializer bases and fields shared by the API's resources."""

import uuid

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


class StrictSerializer(serializers.Serializer):
    """Input with a field the endpoint does not take is refused (400), not silently ignored:
    a typo, or an attempt to change what cannot be changed, gets a clear answer."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            writable = {name for name, field in self.fields.items() if not field.read_only}
            unknown = sorted(set(data) - writable)
            if unknown:
                raise serializers.ValidationError(
                    {name: [_("This field cannot be set here.")] for name in unknown}
                )
        return super().to_internal_value(data)


@extend_schema_field(OpenApiTypes.UUID)
class PublicIdField(serializers.SlugRelatedField):
    """A record named by its public id (UUID); a malformed or unknown id is a field error."""

    default_error_messages = {
        "does_not_exist": _("No such record: {value}."),
        "invalid": _("Not a valid id."),
    }

    def __init__(self, **kwargs):
        super().__init__(slug_field="public_id", **kwargs)

    def to_internal_value(self, data):
        try:
            uuid.UUID(str(data))
        except ValueError:
            self.fail("invalid")
        return super().to_internal_value(data)


class PhoneField(serializers.CharField):
    """A phone number: read as E.164 (+46…), written as people write it (the service parses)."""

    def to_representation(self, value) -> str:
        return value.as_e164 if value else ""


class ActorRefSerializer(serializers.Serializer):
    """Which actor, in short (the foundation's resources: users, me, contact points)."""

    public_id = serializers.UUIDField()
    name = serializers.CharField()
    slug = serializers.CharField()


class ActorSummarySerializer(serializers.Serializer):
    """Which actor, in short, with its public id as `id` (events, activation, meetings)."""

    id = serializers.UUIDField(source="public_id", read_only=True)
    slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)


class EnumField(serializers.ChoiceField):
    """One of a Django choices enum, named after it in the schema (ActorKind, FunctionKind…)."""

    def __init__(self, enum, **kwargs):
        self.enum = enum
        super().__init__(choices=enum.choices, **kwargs)


@extend_schema_field(
    {"type": "string", "pattern": r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$", "example": "16:00:00"}
)
class LocalTimeField(serializers.TimeField):
    """A time of day in Swedish time, without an offset ("16:00:00"). OpenAPI's `format: time`
    is RFC 3339's full-time, which demands one, so the schema gives the pattern instead."""
