"""/api/v1/users/: delegated administration of accounts. An actor's permission administrators
see and manage only their own actor's users and assign only its functions; platform
administrators manage everyone's. Another actor's account is not found (404), as if it did not
exist. Writes go through samlad.accounts.services."""

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, serializers, status
from rest_framework.response import Response

from samlad.accounts import services
from samlad.actors.models import Actor, FunctionAssignment, FunctionKind
from samlad.api.permissions import AdministersAccounts
from samlad.api.rendering import JsonOnly
from samlad.api.schema import problems
from samlad.api.serializers import (
    ActorRefSerializer,
    EnumField,
    PhoneField,
    PublicIdField,
    StrictSerializer,
)
from samlad.core import access
from samlad.core.errors import NotFound


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


def administrable(by):
    """The accounts `by` administers, ready to show."""
    assignments = FunctionAssignment.objects.select_related("function")
    devices = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    return (
        access.administrable_users(by)
        .select_related("actor")
        .prefetch_related(Prefetch("function_assignments", queryset=assignments))
        .annotate(two_factor_enabled=Exists(devices))
        .order_by("actor__name", "username")
    )


def administered_user(by, public_id):
    """One account `by` administers, or NotFound (also for accounts of other actors)."""
    user = administrable(by).filter(public_id=public_id).first()
    if user is None:
        raise NotFound
    return user


def _filtered(users, filters: dict):
    if filters.get("actor"):
        users = users.filter(actor__public_id=filters["actor"])
    if filters.get("q"):
        q = filters["q"]
        users = users.filter(
            Q(username__icontains=q)
            | Q(first_name__icontains=q)
            | Q(last_name__icontains=q)
            | Q(email__icontains=q)
        )
    if filters.get("is_active") is not None:
        users = users.filter(is_active=filters["is_active"])
    return users


class UserListView(JsonOnly, generics.GenericAPIView):
    serializer_class = UserSerializer
    permission_classes = [permissions.IsAuthenticated, AdministersAccounts]

    @extend_schema(
        operation_id="users_list",
        summary="The accounts I administer",
        parameters=[UserFilterSerializer],
        responses={200: UserSerializer(many=True), **problems(400, 401, 403)},
        tags=["users"],
    )
    def get(self, request):
        filters = UserFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        page = self.paginate_queryset(
            _filtered(administrable(request.user), filters.validated_data)
        )
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        operation_id="users_create",
        summary="Create an account",
        description="Without a password: the person sets one with “Forgot your password?” on "
        "the sign-in page, at the e-mail address given here.",
        request=UserCreateSerializer,
        responses={201: UserSerializer, **problems(400, 401, 403)},
        tags=["users"],
    )
    def post(self, request):
        form = UserCreateSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        fields = dict(form.validated_data)
        actor = fields.pop("actor", None) or request.user.actor
        if actor is None:
            raise serializers.ValidationError({"actor": [_("Choose the user's actor.")]})
        user = services.create_user(by=request.user, actor=actor, **fields)
        data = self.get_serializer(administered_user(request.user, user.public_id)).data
        return Response(data, status=status.HTTP_201_CREATED)


class UserDetailView(JsonOnly, generics.GenericAPIView):
    serializer_class = UserSerializer
    permission_classes = [permissions.IsAuthenticated, AdministersAccounts]

    @extend_schema(
        operation_id="users_retrieve",
        summary="One account",
        responses={200: UserSerializer, **problems(401, 403, 404)},
        tags=["users"],
    )
    def get(self, request, public_id):
        return Response(self.get_serializer(administered_user(request.user, public_id)).data)

    @extend_schema(
        operation_id="users_partial_update",
        summary="Change an account",
        request=ProfileSerializer,
        responses={200: UserSerializer, **problems(400, 401, 403, 404)},
        tags=["users"],
    )
    def patch(self, request, public_id):
        user = administered_user(request.user, public_id)
        form = ProfileSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        services.update_user(by=request.user, user=user, **form.validated_data)
        return Response(self.get_serializer(administered_user(request.user, public_id)).data)


class _ActivationView(JsonOnly, generics.GenericAPIView):
    serializer_class = UserSerializer
    permission_classes = [permissions.IsAuthenticated, AdministersAccounts]
    active: bool

    def post(self, request, public_id):
        user = administered_user(request.user, public_id)
        services.set_user_active(by=request.user, user=user, active=self.active)
        return Response(self.get_serializer(administered_user(request.user, public_id)).data)


class UserDeactivateView(_ActivationView):
    active = False

    @extend_schema(
        operation_id="users_deactivate",
        summary="Deactivate an account",
        description="The account can no longer sign in and its API tokens end. Accounts are "
        "never deleted: the log keeps pointing at them.",
        request=None,
        responses={200: UserSerializer, **problems(400, 401, 403, 404)},
        tags=["users"],
    )
    def post(self, request, public_id):
        return super().post(request, public_id)


class UserActivateView(_ActivationView):
    active = True

    @extend_schema(
        operation_id="users_activate",
        summary="Reactivate an account",
        request=None,
        responses={200: UserSerializer, **problems(400, 401, 403, 404)},
        tags=["users"],
    )
    def post(self, request, public_id):
        return super().post(request, public_id)
