"""Actor reports (aktörsrapporter): each actor's own picture in an event, with its history."""

from rest_framework import serializers

from samlad.core.models import Classification
from samlad.events.api.serializers.common import ActorField, ActorSummarySerializer
from samlad.events.models import ActorReport
from samlad.events.services.reports import REPORT_FIELDS


class ReportSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    actor = ActorSummarySerializer(source="owner_actor", read_only=True)
    shared_with = ActorSummarySerializer(many=True, read_only=True)
    reported_by = serializers.StringRelatedField(read_only=True)
    filed_at = serializers.DateTimeField(source="created_at", read_only=True)

    class Meta:
        model = ActorReport
        fields = [
            "id",
            "actor",
            "version",
            "is_current",
            *REPORT_FIELDS,
            "classification",
            "shared_with",
            "osl_reference",
            "reported_by",
            "filed_at",
        ]
        read_only_fields = fields


class ReportWriteSerializer(serializers.Serializer):
    """The report of the user's own actor; it supersedes that actor's previous report."""

    situation = serializers.CharField(max_length=20_000)
    assumptions = serializers.CharField(max_length=20_000, allow_blank=True, required=False)
    actions_taken = serializers.CharField(max_length=20_000, allow_blank=True, required=False)
    actions_planned = serializers.CharField(max_length=20_000, allow_blank=True, required=False)
    needs = serializers.CharField(max_length=20_000, allow_blank=True, required=False)
    communication = serializers.CharField(max_length=20_000, allow_blank=True, required=False)
    effects_on_others = serializers.CharField(max_length=20_000, allow_blank=True, required=False)
    classification = serializers.ChoiceField(choices=Classification.choices, required=False)
    shared_with = ActorField(
        many=True,
        required=False,
        help_text="The actors that see a restricted or confidential report.",
    )
    osl_reference = serializers.CharField(max_length=120, allow_blank=True, required=False)


class SourceReportSerializer(serializers.Serializer):
    """A report a picture version was compiled from (read it in full at its own address)."""

    id = serializers.UUIDField(source="public_id", read_only=True)
    actor = ActorSummarySerializer(source="owner_actor", read_only=True)
    version = serializers.IntegerField(read_only=True)
    classification = serializers.ChoiceField(choices=Classification.choices, read_only=True)
    filed_at = serializers.DateTimeField(source="created_at", read_only=True)


class ReportFilterSerializer(serializers.Serializer):
    actor = serializers.UUIDField(
        required=False,
        help_text="An actor's id: every version of that actor's report, newest first.",
    )
