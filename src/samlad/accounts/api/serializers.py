"""What accounts look like in the API: tokens, who I am, and the accounts administrators keep."""

from django.contrib.auth.validators import UnicodeUsernameValidator
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from samlad.accounts.two_factor import has_two_factor, must_use_two_factor
from samlad.actors.models import Actor, FunctionKind
from samlad.api.serializers import (
    ActorRefSerializer,
    EnumField,
    PhoneField,
    PublicIdField,
    StrictSerializer,
)


class TokenRequestSerializer(StrictSerializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(
        max_length=4096, trim_whitespace=False, style={"input_type": "password"}
    )
    otp = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=40,
        help_text="The six digits your authenticator app shows now, or one of your backup codes. "
        "Required where two-factor authentication is on (always for administrators outside "
        "demo mode).",
    )


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(help_text="Send it as `Authorization: Token <token>`.")
    expiry = serializers.DateTimeField(help_text="When the token stops working.")


class FunctionHeldSerializer(serializers.Serializer):
    kind = EnumField(FunctionKind)
    label = serializers.CharField(source="get_kind_display")


class TwoFactorSerializer(serializers.Serializer):
    enabled = serializers.BooleanField(help_text="An authenticator app is set up.")
    required = serializers.BooleanField(help_text="The account must use one (administrators).")


class MeSerializer(serializers.Serializer):
    public_id = serializers.UUIDField()
    username = serializers.CharField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    email = serializers.EmailField()
    phone = PhoneField(help_text="Mobile phone, E.164.")
    title = serializers.CharField()
    actor = ActorRefSerializer(allow_null=True)
    functions = serializers.SerializerMethodField(help_text="The functions I staff.")
    is_platform_admin = serializers.BooleanField()
    is_permission_admin = serializers.BooleanField()
    can_read_confidential = serializers.BooleanField()
    is_security_officer = serializers.BooleanField(
        help_text="May read the audit logs (/api/v1/audit/)."
    )
    two_factor = serializers.SerializerMethodField()

    @extend_schema_field(FunctionHeldSerializer(many=True))
    def get_functions(self, user) -> list:
        assignments = user.function_assignments.filter(function__actor_id=user.actor_id)
        functions = [a.function for a in assignments.select_related("function")]
        return FunctionHeldSerializer(functions, many=True).data

    @extend_schema_field(TwoFactorSerializer)
    def get_two_factor(self, user) -> dict:
        return {"enabled": has_two_factor(user), "required": must_use_two_factor(user)}


class UserSerializer(serializers.Serializer):
    public_id = serializers.UUIDField()
    username = serializers.CharField()
    actor = ActorRefSerializer(allow_null=True)
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    email = serializers.CharField()
    phone = PhoneField(help_text="Mobile phone, E.164.")
    title = serializers.CharField()
    functions = serializers.SerializerMethodField(help_text="The functions the user staffs.")
    can_read_confidential = serializers.BooleanField()
    is_active = serializers.BooleanField()
    is_platform_admin = serializers.BooleanField()
    two_factor_enabled = serializers.BooleanField()
    last_login = serializers.DateTimeField(allow_null=True)

    def get_functions(self, user) -> list[str]:
        return sorted(
            a.function.kind
            for a in user.function_assignments.all()
            if a.function.actor_id == user.actor_id
        )


class ProfileSerializer(StrictSerializer):
    first_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    last_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    email = serializers.CharField(max_length=254, required=False, allow_blank=True)
    phone = serializers.CharField(
        max_length=40,
        required=False,
        allow_blank=True,
        help_text="Mobile phone as people write it (070-123 45 67); stored as E.164.",
    )
    title = serializers.CharField(max_length=150, required=False, allow_blank=True)
    functions = serializers.ListField(
        child=EnumField(FunctionKind),
        required=False,
        help_text="Every function the user staffs (replaces the earlier ones); only functions "
        "of the user's own actor.",
    )
    can_read_confidential = serializers.BooleanField(required=False)


class UserCreateSerializer(ProfileSerializer):
    username = serializers.CharField(max_length=150, validators=[UnicodeUsernameValidator()])
    actor = PublicIdField(
        queryset=Actor.objects.all(),
        required=False,
        help_text="The user's actor; your own when left out.",
    )


class UserFilterSerializer(serializers.Serializer):
    actor = serializers.UUIDField(required=False, help_text="Only this actor's users.")
    q = serializers.CharField(
        required=False, allow_blank=True, max_length=100, help_text="Part of a name or address."
    )
    is_active = serializers.BooleanField(required=False, allow_null=True, default=None)
