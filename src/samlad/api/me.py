"""/api/v1/me/: who the token or session belongs to, for which actor, in which functions."""

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from samlad.accounts.two_factor import has_two_factor, must_use_two_factor
from samlad.actors.models import FunctionKind
from samlad.api.rendering import JsonOnly
from samlad.api.schema import problems
from samlad.api.serializers import ActorRefSerializer, EnumField, PhoneField


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


class MeView(JsonOnly, APIView):
    @extend_schema(
        operation_id="me_retrieve",
        summary="Who am I",
        responses={200: MeSerializer, **problems(401)},
        tags=["me"],
    )
    def get(self, request):
        return Response(MeSerializer(request.user).data)
