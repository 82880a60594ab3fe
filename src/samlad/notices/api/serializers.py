"""The notices API's JSON shapes. Actors and categories are named by slug, records by UUID."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from samlad.actors.models import Actor
from samlad.api.serializers import StrictSerializer
from samlad.notices.models import (
    Category,
    Certainty,
    Notice,
    NoticeRevision,
    NoticeStatus,
    RecipientTiming,
    Scope,
    Severity,
    Urgency,
)
from samlad.notify.models import Delivery


class PublishingActorSerializer(serializers.ModelSerializer):
    """The actor that published a notice, by slug (as the notices API names actors)."""

    class Meta:
        model = Actor
        fields = ["slug", "name"]


class CategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = Category
        fields = ["slug", "name_sv", "name_en", "cap_category"]


class RevisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = NoticeRevision
        fields = ["number", "msg_type", "sent_at", "change_note", "cap_identifier", "cap_sender"]


class AreaMunicipalitySerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="municipality_code")

    class Meta:
        model = Actor
        fields = ["slug", "name", "code"]


class NoticeAreaSerializer(serializers.Serializer):
    """Where a notice applies: the area's description, the counties it names as a whole
    (länskod), the municipality actors it covers (a county's are all of them) and its polygons
    as a GeoJSON MultiPolygon (null when it has none)."""

    description = serializers.CharField(source="area_description")
    counties = serializers.ListField(source="county_codes", child=serializers.CharField())
    municipalities = AreaMunicipalitySerializer(many=True)
    polygons = serializers.JSONField(allow_null=True)


class NoticeSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    category = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    actor = PublishingActorSerializer(source="owner_actor", read_only=True)
    event = serializers.SerializerMethodField(
        help_text="The linked event, if the caller may see it (else null)."
    )
    shared_with = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    municipalities = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    versions = RevisionSerializer(source="revisions", many=True, read_only=True)
    area = NoticeAreaSerializer(source="*", read_only=True)
    status = serializers.ChoiceField(
        choices=NoticeStatus.choices,
        source="current_status",
        read_only=True,
        help_text="active, expired (its valid_until has passed) or withdrawn",
    )

    class Meta:
        model = Notice
        fields = [
            "id",
            "headline",
            "text",
            "headline_en",
            "text_en",
            "instruction",
            "category",
            "actor",
            "event",
            "classification",
            "shared_with",
            "municipalities",
            "area",
            "is_exercise",
            "valid_from",
            "valid_until",
            "urgency",
            "severity",
            "certainty",
            "status",
            "version",
            "published_at",
            "is_external",
            "external_sender_name",
            "versions",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.UUIDField(allow_null=True))
    def get_event(self, notice) -> str | None:
        # The selectors say whether the reader may see the event (samlad.notices.selectors).
        return str(notice.event.public_id) if getattr(notice, "event_shown", False) else None


def _active_actors():
    return Actor.objects.filter(is_active=True)


class NoticeContentSerializer(serializers.Serializer):
    """The content a correction may change (every field optional there)."""

    headline = serializers.CharField(max_length=200)
    text = serializers.CharField()
    headline_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    text_en = serializers.CharField(required=False, allow_blank=True)
    instruction = serializers.CharField(required=False, allow_blank=True)
    category = serializers.SlugRelatedField(
        slug_field="slug", queryset=Category.objects.filter(is_active=True)
    )
    event = serializers.UUIDField(required=False, allow_null=True)
    valid_from = serializers.DateTimeField(required=False, allow_null=True)
    valid_until = serializers.DateTimeField(required=False, allow_null=True)
    municipalities = serializers.SlugRelatedField(
        slug_field="slug",
        many=True,
        required=False,
        queryset=Actor.objects.filter(is_active=True).exclude(municipality_code=""),
    )
    urgency = serializers.ChoiceField(choices=Urgency.choices, required=False)
    severity = serializers.ChoiceField(choices=Severity.choices, required=False)
    certainty = serializers.ChoiceField(choices=Certainty.choices, required=False)


class NoticeCreateSerializer(NoticeContentSerializer):
    classification = serializers.ChoiceField(
        choices=[("open", "open"), ("restricted", "restricted")], default="open"
    )
    shared_with = serializers.SlugRelatedField(
        slug_field="slug", many=True, required=False, queryset=_active_actors()
    )
    is_exercise = serializers.BooleanField(default=False)


class CorrectionSerializer(NoticeContentSerializer):
    change_note = serializers.CharField(help_text="What changed, in a sentence or two.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "change_note":
                field.required = False


class WithdrawalSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class ImportResultSerializer(serializers.Serializer):
    created = serializers.BooleanField()
    notice = NoticeSerializer()


class WebhookSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    name = serializers.CharField(max_length=120)
    url = serializers.CharField(max_length=500)
    send_notices = serializers.BooleanField(default=True)
    send_pictures = serializers.BooleanField(default=True)
    secret_fingerprint = serializers.CharField(source="fingerprint", read_only=True)
    failing = serializers.BooleanField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)


class WebhookCreatedSerializer(WebhookSerializer):
    secret = serializers.CharField(
        read_only=True, help_text="Shown only in this response: keep it to check signatures."
    )


class DeliverySerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)

    class Meta:
        model = Delivery
        fields = [
            "id",
            "topic",
            "status",
            "attempts",
            "last_error",
            "created_at",
            "sent_at",
            "next_attempt_at",
        ]
        read_only_fields = fields


class ChannelSettingSerializer(serializers.Serializer):
    enabled = serializers.BooleanField()
    all_categories = serializers.BooleanField(default=True)
    categories = serializers.SlugRelatedField(
        slug_field="slug",
        many=True,
        required=False,
        queryset=Category.objects.filter(is_active=True),
    )
    scope = serializers.ChoiceField(choices=Scope.choices, default=Scope.ALL)
    timing = serializers.ChoiceField(
        choices=RecipientTiming.choices, default=RecipientTiming.IMMEDIATE
    )


class NotificationSettingsSerializer(serializers.Serializer):
    email = ChannelSettingSerializer(required=False)
    sms = ChannelSettingSerializer(required=False)
    followed_events = serializers.ListField(
        child=serializers.UUIDField(), read_only=True, help_text="Follow events on their pages."
    )


class UserChannelSettingSerializer(StrictSerializer, ChannelSettingSerializer):
    """One channel of another user's settings; a field it does not take is refused."""


class UserNotificationSettingsSerializer(StrictSerializer):
    """A user's settings per channel, as the actor's permission administrator sees and sets
    them. The events the user follows are the user's own and are not shown here."""

    email = UserChannelSettingSerializer(required=False)
    sms = UserChannelSettingSerializer(required=False)

    def validate(self, attrs):
        if not attrs:
            raise serializers.ValidationError(_("Give the settings of e-mail, SMS or both."))
        return attrs
