"""The meetings API's resources: meetings, their agenda with the live minutes, attendance,
approved minutes, action items. Records are named by their public ids (UUIDs)."""

from rest_framework import serializers

from samlad.activation.models import Activation
from samlad.activation.selectors import forums_in_use
from samlad.actors.models import Actor, FunctionKind
from samlad.api.serializers import ActorSummarySerializer, PublicIdField
from samlad.core.models import Classification
from samlad.meetings.models import ActionKind, ActionStatus, AgendaKind, Presence


class VisibleEventField(PublicIdField):
    """An event the requesting user may see; any other is "nothing with that id"."""

    def get_queryset(self):
        from samlad.events.selectors import visible_events

        return visible_events(self.context["request"].user)


class ForumSummary(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)


class MeetingSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    title = serializers.CharField()
    forum = ForumSummary()
    activation = serializers.UUIDField(source="activation.public_id", allow_null=True, default=None)
    event = serializers.UUIDField(source="event.public_id", allow_null=True, default=None)
    is_activated = serializers.BooleanField()
    is_exercise = serializers.BooleanField()
    starts_at = serializers.DateTimeField()
    duration_minutes = serializers.IntegerField()
    bridge_number = serializers.CharField()
    bridge_pin = serializers.CharField()
    rakel_talk_group = serializers.CharField()
    place = serializers.CharField()
    status = serializers.CharField()
    minutes_state = serializers.CharField()
    minutes_revision = serializers.IntegerField(
        help_text="Counts changes to the minutes; an approval names the revision read out."
    )
    classification = serializers.CharField()
    osl_reference = serializers.CharField()
    host = ActorSummarySerializer(source="owner_actor")


class MeetingWriteSerializer(serializers.Serializer):
    forum = PublicIdField(queryset=forums_in_use(), required=False, allow_null=True)
    activation = PublicIdField(queryset=Activation.objects.all(), required=False, allow_null=True)
    event = VisibleEventField(required=False, allow_null=True)
    starts_at = serializers.DateTimeField(required=False, allow_null=True)
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    duration_minutes = serializers.IntegerField(
        min_value=5, max_value=1440, required=False, allow_null=True
    )
    bridge_number = serializers.CharField(max_length=30, required=False, allow_blank=True)
    bridge_pin = serializers.CharField(max_length=12, required=False, allow_blank=True)
    rakel_talk_group = serializers.CharField(max_length=40, required=False, allow_blank=True)
    place = serializers.CharField(max_length=200, required=False, allow_blank=True)
    classification = serializers.ChoiceField(choices=Classification.choices, required=False)
    shared_with = PublicIdField(
        queryset=Actor.objects.filter(is_active=True), many=True, required=False
    )
    osl_reference = serializers.CharField(max_length=120, required=False, allow_blank=True)


class MeetingChangeSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    starts_at = serializers.DateTimeField(required=False)
    duration_minutes = serializers.IntegerField(min_value=5, max_value=1440, required=False)
    bridge_number = serializers.CharField(max_length=30, required=False, allow_blank=True)
    bridge_pin = serializers.CharField(max_length=12, required=False, allow_blank=True)
    rakel_talk_group = serializers.CharField(max_length=40, required=False, allow_blank=True)
    place = serializers.CharField(max_length=200, required=False, allow_blank=True)
    status = serializers.ChoiceField(
        choices=["running", "ended", "cancelled"],
        required=False,
        help_text="Start (running), end or cancel the meeting.",
    )


class RaisedFromSerializer(serializers.Serializer):
    forum = serializers.CharField(source="meeting.forum.name")
    meeting = serializers.UUIDField(source="meeting.public_id")
    starts_at = serializers.DateTimeField(source="meeting.starts_at")
    item_number = serializers.IntegerField(source="item.position", allow_null=True, default=None)
    matter = serializers.CharField(source="matter.title")


class AgendaItemSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    number = serializers.IntegerField(source="position")
    title = serializers.CharField()
    kind = serializers.CharField()
    notes = serializers.CharField(help_text="What the minutes say about this item.")
    revision = serializers.IntegerField(help_text="Send it back when saving the notes.")
    notes_updated_at = serializers.DateTimeField(allow_null=True)
    notes_updated_by = serializers.CharField(allow_null=True)
    raised_from = RaisedFromSerializer(many=True, source="history", default=list)


class AgendaItemWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(
        choices=[
            AgendaKind.TOPIC,
            AgendaKind.ACTOR_REPORTS,
            AgendaKind.DECISIONS,
            AgendaKind.NEXT_MEETING,
        ],
        default=AgendaKind.TOPIC,
    )
    position = serializers.IntegerField(min_value=1, required=False, allow_null=True)


class AgendaOrderSerializer(serializers.Serializer):
    order = serializers.ListField(
        child=serializers.UUIDField(), help_text="Every item's id, in the new order."
    )


class NotesWriteSerializer(serializers.Serializer):
    notes = serializers.CharField(allow_blank=True, max_length=20_000)
    revision = serializers.IntegerField(
        min_value=0, help_text="The revision the notes were read at."
    )


class AttendanceSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    actor = ActorSummarySerializer()
    name = serializers.CharField()
    function_kind = serializers.CharField()
    mandate = serializers.CharField()
    presence = serializers.CharField()
    source = serializers.CharField()


class AttendanceWriteSerializer(serializers.Serializer):
    actor = PublicIdField(queryset=Actor.objects.filter(is_active=True))
    name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    function_kind = serializers.ChoiceField(
        choices=FunctionKind.choices, required=False, allow_blank=True, default=""
    )
    mandate = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    presence = serializers.ChoiceField(choices=Presence.choices, default=Presence.PRESENT)


class AttendanceChangeSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    function_kind = serializers.ChoiceField(
        choices=FunctionKind.choices, required=False, allow_blank=True
    )
    mandate = serializers.CharField(max_length=200, required=False, allow_blank=True)
    presence = serializers.ChoiceField(choices=Presence.choices, required=False)


class MinutesVersionSummary(serializers.Serializer):
    number = serializers.IntegerField()
    approved_at = serializers.DateTimeField()
    approved_by = serializers.CharField()
    approving_actor = serializers.CharField(source="approving_actor.name")
    change_note = serializers.CharField()


class MinutesVersionSerializer(MinutesVersionSummary):
    content = serializers.JSONField()


class MinutesSerializer(serializers.Serializer):
    state = serializers.CharField()
    revision = serializers.IntegerField()
    current = serializers.JSONField(help_text="The minutes as they stand now.")
    versions = MinutesVersionSummary(many=True)


class ApproveSerializer(serializers.Serializer):
    revision = serializers.IntegerField(
        min_value=0, help_text="The minutes revision that was read out."
    )
    change_note = serializers.CharField(
        max_length=1000, required=False, allow_blank=True, default=""
    )


class ActionUpdateSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    status_before = serializers.CharField()
    status_after = serializers.CharField()
    note = serializers.CharField()


class ActionItemSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    meeting = serializers.UUIDField(source="meeting.public_id")
    forum = serializers.CharField(source="meeting.forum.name")
    kind = serializers.CharField()
    actor = ActorSummarySerializer()
    text = serializers.CharField()
    due_at = serializers.DateTimeField(allow_null=True)
    status = serializers.CharField()
    created_at = serializers.DateTimeField()
    updates = ActionUpdateSerializer(many=True, source="updates.all")


class ActionItemWriteSerializer(serializers.Serializer):
    meeting = serializers.UUIDField()
    kind = serializers.ChoiceField(choices=ActionKind.choices, default=ActionKind.ACTION)
    actor = PublicIdField(queryset=Actor.objects.filter(is_active=True))
    text = serializers.CharField(max_length=5000)
    due_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    agenda_item = serializers.UUIDField(required=False, allow_null=True, default=None)


class ActionStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ActionStatus.choices)
    note = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")
    at_meeting = serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        help_text="The later meeting that followed it up.",
    )


class ActionFilterSerializer(serializers.Serializer):
    mine = serializers.BooleanField(
        required=False, default=False, help_text="Only your own actor's items."
    )
    open = serializers.BooleanField(
        required=False, default=False, help_text="Only open and in-progress items."
    )
    meeting = serializers.UUIDField(required=False)


class MeetingFilterSerializer(serializers.Serializer):
    forum = serializers.UUIDField(required=False)
    status = serializers.ChoiceField(
        choices=["planned", "running", "ended", "cancelled"], required=False
    )
