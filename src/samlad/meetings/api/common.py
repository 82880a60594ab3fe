"""What every meetings API view starts from: the meeting as the user may see it (404 otherwise,
the same for "not found" and "not yours"), and the documented error responses."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.decorators import api_view, permission_classes, schema
from rest_framework.exceptions import NotFound as ApiNotFound
from rest_framework.permissions import AllowAny

from samlad.meetings import selectors
from samlad.meetings.api.serializers import ProblemSerializer

DESCRIPTIONS = {
    400: "Bad input: what was wrong, field by field.",
    401: "Not signed in: send a token or a session cookie.",
    403: "Visible, but not yours to change.",
    404: "No such record, or not one you may see: the two look the same.",
    409: "Someone else changed it first, or the minutes changed after they were read out.",
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


def visible_meeting(request, meeting_id):
    """The meeting as request.user may see it; NotFound (404) otherwise, malformed ids included."""
    return selectors.meeting_for(request.user, public_id=meeting_id, via="api")


@api_view(["GET", "POST", "PUT", "PATCH", "DELETE"])
@permission_classes([AllowAny])
@schema(None)
def not_found(request, rest=""):
    """Any other address under the meetings API: a 404 problem document, not an HTML page."""
    raise ApiNotFound
