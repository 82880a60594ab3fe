"""What every events API view starts from: the event as the user may see it (404 otherwise, the
same for "not found" and "not yours") and query parameters checked like a body. The documented
error responses are samlad.api.schema's."""

from rest_framework import serializers
from rest_framework.decorators import api_view, permission_classes, schema
from rest_framework.exceptions import NotFound as ApiNotFound
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny

from samlad.events import selectors
from samlad.events.models import Event


def visible_event(request, event_id) -> Event:
    """The event as request.user may see it; NotFound (404) otherwise, malformed ids included.
    Reading a confidential event (any GET under it) is logged."""
    via = "api" if request.method in {"GET", "HEAD"} else None
    return selectors.event_for(request.user, public_id=event_id, via=via)


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
