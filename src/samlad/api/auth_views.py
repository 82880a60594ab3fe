"""/api/v1/auth/: exchange a user name and password (and a code) for a token; sign out."""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from samlad.api import tokens
from samlad.api.authentication import TokenAuthentication
from samlad.api.rendering import JsonOnly
from samlad.api.schema import problems
from samlad.api.serializers import StrictSerializer


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
        record, token = tokens.exchange(request._request, **form.validated_data)
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
        tokens.revoke(user=request.user, token=request.auth)
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
        tokens.revoke(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
