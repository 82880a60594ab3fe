"""What the activation API reads and writes. Contact details of the people called (e-mail,
phone, name) are personal data: present only for TiB, RSIB, RKK and platform administrators,
and for classified contact points only as the access policy allows."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from samlad.activation.models import (
    Activation,
    ActivationRequest,
    Answer,
    Forum,
    ForumMember,
)
from samlad.activation.services.forums import FORUM_FIELDS
from samlad.api.serializers import ActorSummarySerializer, LocalTimeField, PublicIdField
from samlad.core import access
from samlad.events.selectors import visible_events


class ForumMemberSerializer(serializers.ModelSerializer):
    actor = ActorSummarySerializer(allow_null=True, help_text="Empty: every actor of the network.")

    class Meta:
        model = ForumMember
        fields = ["function_kind", "actor"]


class ForumSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    host_actor = ActorSummarySerializer(allow_null=True)
    members = ForumMemberSerializer(many=True)
    step_minutes = serializers.IntegerField(help_text="Escalation step actually used.")
    rhythm_time = LocalTimeField(
        label=Forum._meta.get_field("rhythm_time").verbose_name, allow_null=True, required=False
    )

    class Meta:
        model = Forum
        fields = ["id", *FORUM_FIELDS, "step_minutes", "members"]


class EventField(PublicIdField):
    """An open event the requesting user may see."""

    def get_queryset(self):
        return visible_events(self.context["request"].user)


def event_shown(serializer, record) -> bool:
    """Whether the caller may see the record's event: as the selectors found (`event_shown`), or
    asked of the access policy for a record a service returned."""
    shown = getattr(record, "event_shown", None)
    if shown is None:
        request = serializer.context.get("request")
        shown = bool(record.event_id and request and access.can_view(request.user, record.event))
    return shown


def forums():
    return Forum.objects.filter(is_active=True)


class ActivationRequestSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    requesting_actor = ActorSummarySerializer(read_only=True)
    suggested_forum = PublicIdField(queryset=forums(), required=False, allow_null=True)
    event = EventField(required=False, allow_null=True)
    activation = serializers.SerializerMethodField()

    class Meta:
        model = ActivationRequest
        fields = [
            "id",
            "status",
            "requesting_actor",
            "reason",
            "suggested_forum",
            "urgency",
            "event",
            "is_exercise",
            "created_at",
            "decided_at",
            "decline_reason",
            "activation",
        ]
        read_only_fields = ["status", "created_at", "decided_at", "decline_reason"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not event_shown(self, instance):
            data["event"] = None
        return data

    @extend_schema_field(serializers.UUIDField(allow_null=True))
    def get_activation(self, obj):
        activation = getattr(obj, "activation", None)
        return activation.public_id if activation else None


class ActivationInputSerializer(serializers.Serializer):
    """How TiB activates: the forum, and what to change from its defaults."""

    forum = PublicIdField(queryset=forums())
    meeting_at = serializers.DateTimeField(required=False, allow_null=True)
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    is_exercise = serializers.BooleanField(required=False, default=False)
    event = EventField(required=False, allow_null=True)
    bridge_number = serializers.CharField(required=False, allow_blank=True)
    bridge_pin = serializers.CharField(required=False, allow_blank=True)
    rakel_talk_group = serializers.CharField(required=False, allow_blank=True)


class DecisionSerializer(ActivationInputSerializer):
    """TiB's decision on a request: activate (optionally another forum) or decline."""

    decision = serializers.ChoiceField(choices=["activate", "decline"])
    forum = PublicIdField(queryset=forums(), required=False, allow_null=True)
    reason = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Required when declining."
    )


class PhoneAnswerSerializer(serializers.Serializer):
    """An answer given another way (by phone), registered by TiB for a recipient."""

    answer = serializers.ChoiceField(choices=Answer.values)
    minutes = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=24 * 60,
        help_text="Required for `later`: in how many minutes the recipient joins.",
    )

    def validate(self, data):
        if data["answer"] == Answer.LATER and not data.get("minutes"):
            raise serializers.ValidationError({"minutes": "Say in how many minutes."})
        return data


class RegisteredBySerializer(serializers.Serializer):
    username = serializers.CharField()
    name = serializers.CharField(source="get_full_name")


class AnswerSerializer(serializers.Serializer):
    """A recipient's answer: what, when, how, and who registered it (for an answer by phone)."""

    recipient = serializers.UUIDField(source="public_id")
    actor = ActorSummarySerializer(source="participant.actor")
    answer = serializers.ChoiceField(choices=Answer.values)
    eta = serializers.DateTimeField(allow_null=True)
    answered_at = serializers.DateTimeField()
    answered_via = serializers.CharField()
    answered_by = RegisteredBySerializer(
        allow_null=True, help_text="Who registered it; empty for an answer by link or SMS."
    )


class FiguresSerializer(serializers.Serializer):
    actors = serializers.IntegerField()
    reached = serializers.IntegerField()
    answered = serializers.IntegerField()
    attending = serializers.IntegerField()
    later = serializers.IntegerField()
    not_attending = serializers.IntegerField()
    not_reached = serializers.IntegerField()
    waiting = serializers.IntegerField()


class ActivationSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    forum = serializers.UUIDField(source="forum.public_id")
    forum_name = serializers.CharField(source="forum.name")
    event = serializers.SerializerMethodField(
        help_text="The activation's event, if the caller may see it (else null)."
    )
    request = serializers.UUIDField(source="request.public_id", allow_null=True, default=None)
    activated_at = serializers.DateTimeField(source="created_at")

    class Meta:
        model = Activation
        fields = [
            "id",
            "code",
            "forum",
            "forum_name",
            "kind",
            "status",
            "is_exercise",
            "reason",
            "event",
            "request",
            "meeting_at",
            "duration_minutes",
            "bridge_number",
            "bridge_pin",
            "rakel_talk_group",
            "answer_within_minutes",
            "step_minutes",
            "activated_at",
            "closed_at",
        ]

    @extend_schema_field(serializers.UUIDField(allow_null=True))
    def get_event(self, activation):
        return activation.event.public_id if event_shown(self, activation) else None


class ChannelHealthSerializer(serializers.Serializer):
    channel = serializers.CharField()
    sent = serializers.IntegerField()
    failing = serializers.IntegerField()
    down = serializers.BooleanField()
    last_error = serializers.CharField()


class ActivationDetailSerializer(ActivationSerializer):
    figures = FiguresSerializer(source="board.figures")
    elapsed_seconds = serializers.SerializerMethodField()
    overdue = serializers.BooleanField(source="board.overdue")
    not_reached = serializers.SerializerMethodField()
    channels = ChannelHealthSerializer(source="board.channels", many=True)

    class Meta(ActivationSerializer.Meta):
        fields = ActivationSerializer.Meta.fields + [
            "figures",
            "elapsed_seconds",
            "overdue",
            "not_reached",
            "channels",
        ]

    def get_elapsed_seconds(self, obj) -> int:
        return int(obj.board.elapsed.total_seconds())

    @extend_schema_field(ActorSummarySerializer(many=True))
    def get_not_reached(self, obj):
        return ActorSummarySerializer([row.actor for row in obj.board.not_reached], many=True).data


class DeliveryStateSerializer(serializers.Serializer):
    channel = serializers.CharField()
    status = serializers.CharField()
    attempts = serializers.IntegerField()
    last_error = serializers.CharField()
    sent_at = serializers.DateTimeField(allow_null=True)
    fallback = serializers.BooleanField(source="fallback_of_id")


class RecipientSerializer(serializers.Serializer):
    """One row of the board: a recipient with its delivery and answer state."""

    id = serializers.UUIDField(source="recipient.public_id")
    actor = ActorSummarySerializer(source="recipient.participant.actor")
    function_kind = serializers.CharField(source="recipient.function.kind", default=None)
    step = serializers.IntegerField(source="recipient.step")
    name = serializers.SerializerMethodField()
    email = serializers.CharField(allow_null=True, help_text="Only for TiB, RSIB, RKK, admins.")
    phone = serializers.CharField(allow_null=True, help_text="Only for TiB, RSIB, RKK, admins.")
    reached = serializers.BooleanField()
    answer = serializers.ChoiceField(
        source="recipient.answer", choices=[*Answer.values, ""], allow_blank=True
    )
    eta = serializers.DateTimeField(source="recipient.eta", allow_null=True)
    answered_at = serializers.DateTimeField(source="recipient.answered_at", allow_null=True)
    answered_via = serializers.CharField(source="recipient.answered_via")
    answered_by = serializers.SerializerMethodField(
        help_text="Who registered an answer given by phone (only for TiB, RSIB, RKK, admins); "
        "empty for link and SMS answers."
    )
    deliveries = DeliveryStateSerializer(many=True)

    @extend_schema_field(RegisteredBySerializer(allow_null=True))
    def get_answered_by(self, row):
        registrar = row.recipient.answered_by
        if registrar is None or not self.context.get("show_names"):
            return None
        return RegisteredBySerializer(registrar).data

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_name(self, row):
        return row.recipient.name if self.context.get("show_names") else None

    def to_representation(self, row):
        data = super().to_representation(row)
        data["email"] = row.email or None
        data["phone"] = row.phone or None
        return data
