"""What the OpenAPI schema says about authentication and errors, shared by every endpoint."""

from django.utils import translation
from drf_spectacular.extensions import (
    OpenApiAuthenticationExtension,
    OpenApiSerializerFieldExtension,
)
from drf_spectacular.plumbing import ResolvedComponent, build_bearer_security_scheme_object
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import serializers

from samlad.api.errors import PROBLEM_JSON


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "samlad.api.authentication.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        scheme = build_bearer_security_scheme_object(
            header_name="Authorization", token_prefix=self.target.authenticate_header(None)
        )
        scheme["description"] = (
            "A token from POST /api/v1/auth/token/, sent as `Authorization: Token <token>`."
        )
        return scheme


class SessionScheme(OpenApiAuthenticationExtension):
    target_class = "samlad.api.authentication.SessionAuthentication"
    name = "sessionAuth"
    priority = 1

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "cookie",
            "name": "sessionid",
            "description": "The browser's session after signing in on the web (with two-factor "
            "authentication where required); unsafe methods need the X-CSRFToken header.",
        }


class EnumFieldScheme(OpenApiSerializerFieldExtension):
    """Each choices enum is one named schema component, whatever the fields using it are called.
    The component's identity is its name, as for the enums named in ENUM_NAME_OVERRIDES (settings),
    so a plain ChoiceField on the same enum refers to the same component."""

    target_class = "samlad.api.serializers.EnumField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        enum = self.target.enum
        with translation.override("en"):
            meanings = "\n".join(f"* `{value}` - {label}" for value, label in enum.choices)
        component = ResolvedComponent(
            name=enum.__name__,
            type=ResolvedComponent.SCHEMA,
            object=enum.__name__,
            schema={"type": "string", "enum": list(enum.values), "description": meanings},
        )
        auto_schema.registry.register_on_missing(component)
        if self.target.allow_null:
            return {"allOf": [component.ref], "nullable": True}
        return component.ref


@extend_schema_field(
    {
        "type": "object",
        "additionalProperties": {
            "oneOf": [{"type": "array", "items": {"type": "string"}}, {"type": "object"}]
        },
    }
)
class FieldErrors(serializers.DictField):
    """Messages per field: a list of texts, or for a nested object its own FieldErrors."""


class ProblemSerializer(serializers.Serializer):
    """An error (RFC 9457 problem document)."""

    type = serializers.CharField(help_text="Always about:blank.")
    status = serializers.IntegerField(help_text="The HTTP status code.")
    title = serializers.CharField(help_text="The HTTP status phrase.")
    detail = serializers.CharField(required=False, help_text="What went wrong, for people.")
    code = serializers.CharField(
        required=False,
        help_text="What went wrong, for programs (e.g. otp_required, otp_wrong, locked_out).",
    )
    errors = FieldErrors(
        required=False,
        help_text=(
            "For invalid input: the messages per field (non_field_errors for the whole); for a "
            "field that holds an object, its own fields' messages the same way."
        ),
    )


_MEANINGS = {
    400: "Invalid input: `errors` has the messages per field.",
    401: "Not signed in, or the credentials were not accepted.",
    403: "Signed in, but not permitted to do this.",
    404: "No such record, or none you may see: the two look the same.",
    409: "In conflict with the record as it stands now (someone changed it first).",
    413: "The request is too large.",
    415: "The body is of a media type this endpoint does not take, or cannot be read as one.",
    422: "Understood, but it cannot be done.",
    429: "Too many attempts: the account is locked or must wait (see Retry-After).",
}


def problems(*codes: int, meanings: dict[int, str] | None = None) -> dict:
    """Problem-document responses for the schema, e.g. `problems(400, 401, 404)`; `meanings`
    says what a code means at this endpoint where the general meaning is not enough."""
    meanings = {**_MEANINGS, **(meanings or {})}
    return {
        (code, PROBLEM_JSON): OpenApiResponse(ProblemSerializer, description=meanings[code])
        for code in codes
    }


def ids(*names: str):
    """Document the path's public ids as UUIDs, on every method of a view class."""
    return extend_schema(
        parameters=[
            OpenApiParameter(name, OpenApiTypes.UUID, OpenApiParameter.PATH) for name in names
        ]
    )
