"""What the actor directory and the contact points kept by an actor's administrators look like
in the API, and what a write of a contact point takes."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from samlad.actors import selectors
from samlad.actors.models import Actor, ActorKind, ContactChannel, FunctionKind, MembershipKind
from samlad.api.serializers import ActorRefSerializer, EnumField, PublicIdField, StrictSerializer
from samlad.core.models import Classification


class StaffSerializer(serializers.Serializer):
    position = serializers.IntegerField(help_text="Call-out order: 1 first, then deputies.")
    name = serializers.CharField()
    title = serializers.CharField()
    phone = serializers.CharField(help_text="Mobile phone, E.164, or empty.")


class FunctionSerializer(serializers.Serializer):
    public_id = serializers.UUIDField()
    kind = EnumField(FunctionKind)
    label = serializers.CharField(source="get_kind_display")
    staffed_around_the_clock = serializers.BooleanField()
    staff = serializers.SerializerMethodField(help_text="Who staffs it, in call-out order.")

    @extend_schema_field(StaffSerializer(many=True))
    def get_staff(self, function) -> list:
        return [
            {
                "position": assignment.position,
                "name": str(assignment.user),
                "title": assignment.user.title,
                "phone": assignment.user.phone.as_e164 if assignment.user.phone else "",
            }
            for assignment in function.assignments.all()
        ]


class ContactPointSerializer(serializers.Serializer):
    public_id = serializers.UUIDField()
    function = EnumField(
        FunctionKind,
        source="function.kind",
        allow_null=True,
        help_text="The function reached, or null for the actor as a whole.",
    )
    channel = EnumField(ContactChannel)
    value = serializers.CharField(help_text="Phone and Rakel numbers in E.164; e-mail addresses.")
    label = serializers.CharField()
    position = serializers.IntegerField()
    classification = EnumField(Classification)
    osl_reference = serializers.CharField(help_text="The secrecy provision, for confidential.")


class ActorSerializer(serializers.Serializer):
    public_id = serializers.UUIDField()
    name = serializers.CharField()
    slug = serializers.CharField(help_text="Short name, as in user names (nacka.kontakt).")
    kind = EnumField(ActorKind)
    kind_label = serializers.CharField(source="get_kind_display")
    membership = EnumField(MembershipKind)
    designated = serializers.BooleanField()
    municipality_code = serializers.CharField()
    description = serializers.CharField()
    is_active = serializers.BooleanField()
    functions = serializers.SerializerMethodField(help_text="The 24/7 contact function first.")
    contact_points = serializers.SerializerMethodField(
        help_text="Those you may see, the 24/7 contact function's first."
    )

    @extend_schema_field(FunctionSerializer(many=True))
    def get_functions(self, actor) -> list:
        return FunctionSerializer(selectors.functions_in_order(actor), many=True).data

    @extend_schema_field(ContactPointSerializer(many=True))
    def get_contact_points(self, actor) -> list:
        points = [row.point for row in selectors.call_out_entry(actor).rows]
        return ContactPointSerializer(points, many=True).data


class ActorFilterSerializer(serializers.Serializer):
    kind = EnumField(ActorKind, required=False, allow_blank=True)
    q = serializers.CharField(
        required=False, allow_blank=True, max_length=100, help_text="Part of a name or short name."
    )


class KeptContactPointSerializer(ContactPointSerializer):
    shared_with = ActorRefSerializer(
        many=True, source="shared_with.all", help_text="For restricted and confidential ones."
    )
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class ContactPointWriteSerializer(StrictSerializer):
    function = EnumField(
        FunctionKind,
        allow_null=True,
        required=False,
        help_text="One of the actor's functions, or null for the actor as a whole.",
    )
    channel = EnumField(ContactChannel)
    value = serializers.CharField(
        max_length=254, help_text="A phone number as people write it (stored as E.164) or e-mail."
    )
    label = serializers.CharField(max_length=120, required=False, allow_blank=True)
    position = serializers.IntegerField(min_value=1, max_value=32767, required=False)
    classification = EnumField(Classification, required=False)
    osl_reference = serializers.CharField(
        max_length=120,
        required=False,
        allow_blank=True,
        help_text="The secrecy provision; required for confidential ones.",
    )
    shared_with = PublicIdField(
        queryset=Actor.objects.all(),
        many=True,
        required=False,
        help_text="The actors that may see a restricted or confidential one.",
    )

    def validate_classification(self, value: str) -> str:
        user = self.context["request"].user
        if value == Classification.CONFIDENTIAL and not user.can_read_confidential:
            raise serializers.ValidationError(
                _("Only users who may read confidential information can mark it confidential.")
            )
        return value
