"""Search across events, log book entries, published pictures, actor reports, notices and
meetings."""

from rest_framework import serializers

from samlad.api.serializers import ActorSummarySerializer
from samlad.events.api.serializers.common import EventReferenceSerializer, MarkingField
from samlad.events.models import EntryKind, EventStatus


class SearchQuerySerializer(serializers.Serializer):
    q = serializers.CharField(max_length=200, help_text="The words to find, all of them.")


class EventHitSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    title = serializers.CharField(read_only=True)
    status = serializers.ChoiceField(choices=EventStatus.choices, read_only=True)
    is_exercise = serializers.BooleanField(read_only=True)
    marking = MarkingField()
    type = serializers.CharField(source="event_type.slug", read_only=True)
    starts_at = serializers.DateTimeField(read_only=True)


class LogEntryHitSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    event = EventReferenceSerializer(read_only=True)
    number = serializers.IntegerField(read_only=True)
    at = serializers.DateTimeField(read_only=True)
    kind = serializers.ChoiceField(choices=EntryKind.choices, read_only=True)
    text = serializers.CharField(read_only=True)


class PictureHitSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    event = EventReferenceSerializer(read_only=True)
    number = serializers.IntegerField(read_only=True)
    published_at = serializers.DateTimeField(read_only=True)
    summary = serializers.CharField(read_only=True)


class ReportHitSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    event = EventReferenceSerializer(read_only=True)
    actor = ActorSummarySerializer(source="owner_actor", read_only=True)
    version = serializers.IntegerField(read_only=True)
    classification = serializers.CharField(read_only=True)
    situation = serializers.CharField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)


class NoticeHitSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    headline = serializers.CharField(read_only=True)
    actor = ActorSummarySerializer(source="owner_actor", read_only=True)
    classification = serializers.CharField(read_only=True)
    status = serializers.CharField(read_only=True)
    published_at = serializers.DateTimeField(read_only=True)


class MeetingHitSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    title = serializers.CharField(read_only=True)
    forum = serializers.CharField(source="forum.name", read_only=True, default=None)
    classification = serializers.CharField(read_only=True)
    status = serializers.CharField(read_only=True)
    starts_at = serializers.DateTimeField(read_only=True)


class SearchResultsSerializer(serializers.Serializer):
    """What matched, as far as the user may see it (at most 50 of each kind, best first)."""

    events = EventHitSerializer(many=True, read_only=True)
    log_entries = LogEntryHitSerializer(many=True, read_only=True)
    pictures = PictureHitSerializer(many=True, read_only=True)
    reports = ReportHitSerializer(many=True, read_only=True)
    notices = NoticeHitSerializer(many=True, read_only=True)
    meetings = MeetingHitSerializer(many=True, read_only=True)
