"""The consolidated picture (samlad lägesbild): its draft, its published versions (full, and short
for communicators), what changed between two versions, and the conflict of two editors."""

from rest_framework import serializers

from samlad.events.api.serializers.common import (
    ActorSummarySerializer,
    EventReferenceSerializer,
)
from samlad.events.api.serializers.reports import SourceReportSerializer
from samlad.events.models import PICTURE_FIELDS, PictureDraft, PictureVersion

AUDIENCES = [("full", "The full version, for the network"), ("short", "For communicators")]


class PictureVersionSummarySerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    published_by = serializers.StringRelatedField(read_only=True)
    publishing_actor = ActorSummarySerializer(read_only=True)

    class Meta:
        model = PictureVersion
        fields = [
            "id",
            "number",
            "published_at",
            "published_by",
            "publishing_actor",
            "summary",
            "next_update_at",
        ]
        read_only_fields = fields


class PictureVersionSerializer(serializers.ModelSerializer):
    """A published version in full. `based_on_reports` lists only the reports the reader may
    see."""

    audience = serializers.SerializerMethodField()
    id = serializers.UUIDField(source="public_id", read_only=True)
    event = EventReferenceSerializer(read_only=True)
    published_by = serializers.StringRelatedField(read_only=True)
    publishing_actor = ActorSummarySerializer(read_only=True)
    based_on_reports = SourceReportSerializer(source="visible_sources", many=True, read_only=True)

    class Meta:
        model = PictureVersion
        fields = [
            "audience",
            "id",
            "event",
            "number",
            "published_at",
            "published_by",
            "publishing_actor",
            *PICTURE_FIELDS,
            "next_update_at",
            "based_on_reports",
        ]
        read_only_fields = fields

    def get_audience(self, version) -> str:
        return "full"


class ShortPictureVersionSerializer(serializers.ModelSerializer):
    """The short version for communicators: only what may be passed on."""

    audience = serializers.SerializerMethodField()
    id = serializers.UUIDField(source="public_id", read_only=True)
    event = EventReferenceSerializer(read_only=True)
    publishing_actor = ActorSummarySerializer(read_only=True)

    class Meta:
        model = PictureVersion
        fields = [
            "audience",
            "id",
            "event",
            "number",
            "published_at",
            "publishing_actor",
            "short_version",
            "next_update_at",
        ]
        read_only_fields = fields

    def get_audience(self, version) -> str:
        return "short"


class AudienceSerializer(serializers.Serializer):
    audience = serializers.ChoiceField(choices=AUDIENCES, default="full")


class PictureDraftSerializer(serializers.ModelSerializer):
    """The working draft. Send `revision` back when saving it: a save against an older revision
    is refused with 409 and what changed."""

    updated_by = serializers.StringRelatedField(read_only=True, allow_null=True)
    updated_at = serializers.SerializerMethodField()

    class Meta:
        model = PictureDraft
        fields = ["revision", *PICTURE_FIELDS, "next_update_at", "updated_at", "updated_by"]
        read_only_fields = fields

    def get_updated_at(self, draft) -> str | None:
        """Never saved: no time."""
        if draft.pk is None:
            return None
        return serializers.DateTimeField().to_representation(draft.updated_at)


class PictureDraftWriteSerializer(serializers.Serializer):
    revision = serializers.IntegerField(
        min_value=0, help_text="The revision of the draft this edit started from."
    )
    summary = serializers.CharField(allow_blank=True, required=False, max_length=20_000)
    analysis = serializers.CharField(allow_blank=True, required=False, max_length=20_000)
    most_likely = serializers.CharField(allow_blank=True, required=False, max_length=20_000)
    worst_case = serializers.CharField(allow_blank=True, required=False, max_length=20_000)
    coordination_needs = serializers.CharField(allow_blank=True, required=False, max_length=20_000)
    communication_needs = serializers.CharField(allow_blank=True, required=False, max_length=20_000)
    short_version = serializers.CharField(allow_blank=True, required=False, max_length=20_000)
    next_update_at = serializers.DateTimeField(required=False, allow_null=True)


class PublishSerializer(serializers.Serializer):
    revision = serializers.IntegerField(
        min_value=0, help_text="The revision of the draft to publish, as last read or saved."
    )


class CompareSerializer(serializers.Serializer):
    """Two version numbers ("from" is a Python keyword, hence get_fields)."""

    def get_fields(self):
        return {
            "from": serializers.IntegerField(min_value=1, help_text="The older version."),
            "to": serializers.IntegerField(min_value=1, help_text="The newer version."),
        }


class PieceSerializer(serializers.Serializer):
    op = serializers.ChoiceField(choices=["same", "added", "removed"])
    text = serializers.CharField()


class FieldChangeSerializer(serializers.Serializer):
    field = serializers.CharField()
    label = serializers.CharField()
    pieces = PieceSerializer(many=True)


class ComparisonSerializer(serializers.Serializer):
    """The fields that differ between two versions, word by word."""

    def get_fields(self):
        return {
            "from": serializers.IntegerField(),
            "to": serializers.IntegerField(),
            "changes": FieldChangeSerializer(many=True),
        }


class DraftChangeSerializer(serializers.Serializer):
    field = serializers.CharField()
    label = serializers.CharField()
    theirs = serializers.CharField(
        allow_null=True, help_text="What the draft holds now, as the other editor saved it."
    )
    yours = serializers.CharField(allow_null=True, help_text="What you sent.")


class DraftConflictSerializer(serializers.Serializer):
    """409: someone saved the draft after the revision you started from. Nothing was saved;
    merge, then send again with the current revision."""

    status = serializers.IntegerField()
    title = serializers.CharField()
    detail = serializers.CharField()
    revision = serializers.IntegerField(help_text="The draft's current revision.")
    changes = DraftChangeSerializer(many=True)
    draft = PictureDraftSerializer()
