"""The log book (händelselogg): entries as read, and a new entry or correction as written."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from samlad.api.serializers import ActorSummarySerializer
from samlad.core.errors import NotFound
from samlad.events import selectors
from samlad.events.models import EntryKind


class LogEntrySerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    number = serializers.IntegerField(read_only=True)
    at = serializers.DateTimeField(read_only=True)
    kind = serializers.ChoiceField(choices=EntryKind.choices, read_only=True)
    text = serializers.CharField(read_only=True)
    author = serializers.StringRelatedField(
        read_only=True, allow_null=True, help_text="null: written by Samlad itself"
    )
    author_actor = ActorSummarySerializer(read_only=True)
    corrects = serializers.UUIDField(
        source="corrects.public_id",
        read_only=True,
        allow_null=True,
        help_text="The entry this one corrects; that entry stays as it was.",
    )
    corrects_number = serializers.IntegerField(
        source="corrects.number", read_only=True, allow_null=True
    )
    corrected_by = serializers.ListField(
        child=serializers.IntegerField(),
        read_only=True,
        help_text="The numbers of the entries that correct this one.",
    )


class LogEntryWriteSerializer(serializers.Serializer):
    """A new line in the log book; `corrects` makes it a correction of an earlier entry."""

    kind = serializers.ChoiceField(choices=EntryKind.choices)
    text = serializers.CharField(max_length=10_000)
    at = serializers.DateTimeField(
        required=False, allow_null=True, help_text="When it happened; default now."
    )
    corrects = serializers.UUIDField(
        required=False,
        allow_null=True,
        help_text="The id of the entry of this log book that this entry corrects.",
    )

    def validate_corrects(self, value):
        if value is None:
            return None
        try:
            return selectors.log_entry_for(self.context["event"], public_id=value)
        except NotFound:
            raise serializers.ValidationError(
                _("There is no such entry in this log book.")
            ) from None
