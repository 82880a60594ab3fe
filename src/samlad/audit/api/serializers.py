"""The audit logs' rows and filters in the API."""

from django.utils.translation import gettext as _
from rest_framework import serializers

from samlad.api.serializers import ActorRefSerializer, StrictSerializer
from samlad.audit.selectors import AuditFilter


class AuditFilterSerializer(StrictSerializer):
    """Query parameters of both audit logs; every one is optional."""

    user = serializers.CharField(
        required=False, help_text="The user's user name or public id (who changed or read)."
    )
    actor = serializers.CharField(
        required=False,
        help_text="The actor's short name (e.g. nacka) or public id: the actor a change was "
        "made for, or the reader's actor.",
    )
    object_type = serializers.CharField(
        required=False, help_text="The logged record's type, e.g. events.event."
    )
    object_id = serializers.CharField(
        required=False, help_text="The logged record's public id (or key, where it has none)."
    )
    since = serializers.DateField(required=False, help_text="First day (Swedish time), included.")
    until = serializers.DateField(required=False, help_text="Last day (Swedish time), included.")
    limit = serializers.IntegerField(required=False, min_value=1, help_text="Rows per page.")
    offset = serializers.IntegerField(required=False, min_value=0, help_text="Rows to skip.")

    def validate(self, data):
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            raise serializers.ValidationError({"until": [_("The period ends before it starts.")]})
        return data

    def filters(self) -> AuditFilter:
        data = {k: v for k, v in self.validated_data.items() if k not in ("limit", "offset")}
        return AuditFilter(**data)


class UserRefSerializer(serializers.Serializer):
    public_id = serializers.UUIDField()
    username = serializers.CharField()


class ChangeSerializer(serializers.Serializer):
    """One state change, as the change log holds it."""

    id = serializers.UUIDField(source="public_id")
    at = serializers.DateTimeField(help_text="When, in Swedish time with its UTC offset.")
    user = UserRefSerializer(allow_null=True, help_text="Who; null for the system.")
    actor = ActorRefSerializer(
        source="acting_actor", allow_null=True, help_text="The actor the change was made for."
    )
    action = serializers.CharField(help_text="What, e.g. event.created.")
    object_type = serializers.CharField(source="target_type")
    object_id = serializers.CharField(source="target_id")
    summary = serializers.CharField()
    before = serializers.JSONField(allow_null=True, help_text="The changed fields before.")
    after = serializers.JSONField(allow_null=True, help_text="The changed fields after.")


class ReadSerializer(serializers.Serializer):
    """One read of a confidential record (or of an audit log), as the read log holds it."""

    at = serializers.DateTimeField(help_text="When, in Swedish time with its UTC offset.")
    user = UserRefSerializer()
    actor = ActorRefSerializer(
        source="user.actor", allow_null=True, help_text="The reader's actor."
    )
    object_type = serializers.CharField(
        source="target_type",
        help_text="core.logentry or core.confidentialread for a read of an audit log.",
    )
    object_id = serializers.CharField(
        source="target_id", help_text="For a read of an audit log: the filters used."
    )
    via = serializers.CharField(help_text="page, api, export, …")
