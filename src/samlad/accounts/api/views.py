"""/api/v1/auth/: exchange a user name and password (and a code) for a token; sign out.
/api/v1/me/: who the token or session belongs to, for which actor, in which functions.

/api/v1/users/: delegated administration of accounts. An actor's permission administrators
see and manage only their own actor's users and assign only its functions; platform
administrators manage everyone's. Another actor's account is not found (404), as if it did not
exist. Writes go through samlad.accounts.services."""

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import exceptions, generics, permissions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from samlad.accounts import rules, services
from samlad.accounts.api.permissions import AdministersAccounts
from samlad.accounts.api.serializers import (
    MeSerializer,
    ProfileSerializer,
    TokenRequestSerializer,
    TokenSerializer,
    UserCreateSerializer,
    UserFilterSerializer,
    UserSerializer,
)
from samlad.actors.models import FunctionAssignment
from samlad.api.authentication import TokenAuthentication
from samlad.api.rendering import JsonOnly
from samlad.api.schema import problems
from samlad.core.errors import NotFound


class TooManyAttempts(exceptions.APIException):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS


def _answer_to(refusal: services.TokenRefused) -> exceptions.APIException:
    """The API's answer when no token is issued: 401 for wrong or missing credentials, 403 for
    an account that may not have one now, 429 (with Retry-After) for too many attempts."""
    if isinstance(refusal, services.TryLater):
        answer = TooManyAttempts(refusal.message, code=refusal.code)
        answer.wait = refusal.wait
        return answer
    if isinstance(refusal, services.TokenNotAllowed):
        return exceptions.PermissionDenied(refusal.message, code=refusal.code)
    return exceptions.AuthenticationFailed(refusal.message, code=refusal.code)


class TokenView(JsonOnly, APIView):
    """Exchange a user name and password (and a code) for a token."""

    authentication_classes = []
    permission_classes = [permissions.AllowAny]

    def get_authenticate_header(self, request):
        return TokenAuthentication().authenticate_header(request)

    @extend_schema(
        operation_id="auth_token_create",
        summary="Get a token",
        description=(
            "Exchanges a user name and password, plus a code from the authenticator app (`otp`) "
            "where two-factor authentication is on or required, for a token. Failed attempts "
            "count towards the same lockout as the sign-in page: after five, the account is "
            "locked for 15 minutes (429, code `locked_out`). A missing code gives 401 with code "
            "`otp_required`, a wrong one 401 with `otp_wrong`."
        ),
        request=TokenRequestSerializer,
        responses={200: TokenSerializer, **problems(400, 401, 403, 429)},
        examples=[
            OpenApiExample(
                "With a code",
                value={"username": "nacka.admin", "password": "…", "otp": "123456"},
                request_only=True,
            )
        ],
        tags=["auth"],
    )
    def post(self, request):
        form = TokenRequestSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        try:
            record, token = services.issue_token(request._request, **form.validated_data)
        except services.TokenRefused as refusal:
            raise _answer_to(refusal) from None
        return Response(TokenSerializer({"token": token, "expiry": record.expiry}).data)


class LogoutView(JsonOnly, APIView):
    """End the token this request was made with."""

    authentication_classes = [TokenAuthentication]

    @extend_schema(
        operation_id="auth_logout",
        summary="End this token",
        request=None,
        responses={204: None, **problems(401)},
        tags=["auth"],
    )
    def post(self, request):
        services.revoke_tokens(user=request.user, token=request.auth)
        return Response(status=status.HTTP_204_NO_CONTENT)


class LogoutAllView(JsonOnly, APIView):
    """End every token of the account."""

    authentication_classes = [TokenAuthentication]

    @extend_schema(
        operation_id="auth_logout_all",
        summary="End all my tokens",
        request=None,
        responses={204: None, **problems(401)},
        tags=["auth"],
    )
    def post(self, request):
        services.revoke_tokens(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeView(JsonOnly, APIView):
    @extend_schema(
        operation_id="me_retrieve",
        summary="Who am I",
        responses={200: MeSerializer, **problems(401)},
        tags=["me"],
    )
    def get(self, request):
        return Response(MeSerializer(request.user).data)


def administrable(by):
    """The accounts `by` administers, ready to show."""
    assignments = FunctionAssignment.objects.select_related("function")
    devices = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    return (
        rules.administrable_users(by)
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
