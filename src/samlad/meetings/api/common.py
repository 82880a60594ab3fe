"""What every meetings API view starts from: the meeting as the user may see it (404 otherwise,
the same for "not found" and "not yours"). Error responses are documented with
samlad.api.schema.problems."""

from rest_framework.decorators import api_view, permission_classes, schema
from rest_framework.exceptions import NotFound as ApiNotFound
from rest_framework.permissions import AllowAny

from samlad.meetings import selectors


def checked(serializer_class, request, *, query: bool = False, **kwargs):
    """The request's body (or with `query`, its query parameters), validated by the serializer;
    a 400 problem document otherwise."""
    data = request.query_params.dict() if query else request.data
    serializer = serializer_class(data=data, context={"request": request}, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def visible_meeting(request, meeting_id):
    """The meeting as request.user may see it; NotFound (404) otherwise, malformed ids included."""
    return selectors.meeting_for(request.user, public_id=meeting_id, via="api")


@api_view(["GET", "POST", "PUT", "PATCH", "DELETE"])
@permission_classes([AllowAny])
@schema(None)
def not_found(request, rest=""):
    """Any other address under the meetings API: a 404 problem document, not an HTML page."""
    raise ApiNotFound
