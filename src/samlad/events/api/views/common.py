"""What every events API view starts from: the event as the user may see it (404 otherwise, the
same for "not found" and "not yours"), query parameters checked like a body, and the documented
error responses."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view, permission_classes, schema
from rest_framework.exceptions import NotFound as ApiNotFound
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny

from samlad.events import selectors
from samlad.events.api.serializers.common import ProblemSerializer
from samlad.events.models import Event

DESCRIPTIONS = {
    400: "Bad input: what was wrong, field by field.",
    401: "Not signed in: send a token or a session cookie.",
    403: "Visible, but not yours to change.",
    404: "No such record, or not one you may see: the two look the same.",
    409: "Someone else changed it first.",
}


PROBLEM = "application/problem+json"


def problems(*codes: int) -> dict:
    """The error responses of an endpoint, for the schema (401 applies to all)."""
    return {
        (code, PROBLEM): OpenApiResponse(ProblemSerializer, description=DESCRIPTIONS[code])
        for code in (*codes, 401)
    }


def ids(*names: str):
    """Document the path's public ids (UUIDs) on every method of a view class."""
    return extend_schema(
        parameters=[
            OpenApiParameter(name, OpenApiTypes.UUID, OpenApiParameter.PATH) for name in names
        ]
    )


def visible_event(request, event_id) -> Event:
    """The event as request.user may see it; NotFound (404) otherwise, malformed ids included."""
    return selectors.event_for(request.user, public_id=event_id)


def checked_query(serializer_class: type[serializers.Serializer], request) -> dict:
    """The query parameters, checked by `serializer_class`; bad ones are a 400."""
    query = serializer_class(data=request.query_params.dict())
    query.is_valid(raise_exception=True)
    return query.validated_data


@api_view(["GET", "POST", "PUT", "PATCH", "DELETE"])
@permission_classes([AllowAny])
@schema(None)
def not_found(request, rest=""):
    """Any other address under the events API: a 404 problem document, not an HTML page."""
    raise ApiNotFound


class ApiView(GenericAPIView):
    """DRF's generic view, for its pagination and schema. Reads go through the selectors, never
    a view-wide queryset; the browsable API asks for one anyway (for filter forms, which these
    views do not have), so it gets an empty one."""

    def get_queryset(self):
        return Event.objects.none()
