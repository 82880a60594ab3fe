"""/api/v1/events/: list (filtered), register, read, change, close and reopen events."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response

from samlad.api.schema import ids, problems
from samlad.core import access
from samlad.events import selectors, services
from samlad.events.api.serializers.events import (
    EventFilterSerializer,
    EventSerializer,
    EventWriteSerializer,
)
from samlad.events.api.views.common import ApiView, visible_event

TAGS = ["events"]
RELATED = ["affected_actors", "shared_with"]


class EventList(ApiView):
    serializer_class = EventSerializer

    @extend_schema(
        tags=TAGS,
        operation_id="events_list",
        summary="List the events you may see",
        parameters=[EventFilterSerializer],
        responses={200: EventSerializer(many=True), **problems(400, 401)},
    )
    def get(self, request):
        filters = EventFilterSerializer(data=request.query_params.dict())
        filters.is_valid(raise_exception=True)
        events = selectors.find_events(request.user, **filters.selector_arguments())
        page = self.paginate_queryset(events.prefetch_related(*RELATED))
        access.note_reads(request.user, page, via="api")
        return self.get_paginated_response(EventSerializer(page, many=True).data)

    @extend_schema(
        tags=TAGS,
        operation_id="events_create",
        summary="Register an event",
        description="Any member of the network may register an event, ongoing or planned ahead.",
        request=EventWriteSerializer,
        responses={201: EventSerializer, **problems(400, 401, 403)},
    )
    def post(self, request):
        data = EventWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        event = services.create_event(by=request.user, **data.validated_data)
        return Response(EventSerializer(event).data, status=status.HTTP_201_CREATED)


@ids("event_id")
class EventDetail(ApiView):
    serializer_class = EventSerializer

    @extend_schema(
        tags=TAGS,
        operation_id="events_read",
        summary="Read an event",
        responses={200: EventSerializer, **problems(401, 404)},
    )
    def get(self, request, event_id):
        return Response(EventSerializer(visible_event(request, event_id)).data)

    @extend_schema(
        tags=TAGS,
        operation_id="events_update",
        summary="Change an event",
        description="Only the fields sent change. The registering actor, the lead actor, TiB "
        "and RSIB may change an event; the log keeps what it was.",
        request=EventWriteSerializer(partial=True),
        responses={200: EventSerializer, **problems(400, 401, 403, 404)},
    )
    def patch(self, request, event_id):
        event = visible_event(request, event_id)
        data = EventWriteSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        event = services.update_event(by=request.user, event=event, **data.validated_data)
        return Response(EventSerializer(event).data)


@ids("event_id")
class CloseEvent(ApiView):
    serializer_class = EventSerializer

    @extend_schema(
        tags=TAGS,
        operation_id="events_close",
        summary="Close an event",
        description="A closed event stays readable; nothing more is reported into it.",
        request=None,
        responses={200: EventSerializer, **problems(400, 401, 403, 404)},
    )
    def post(self, request, event_id):
        event = services.close_event(by=request.user, event=visible_event(request, event_id))
        return Response(EventSerializer(event).data)


@ids("event_id")
class ReopenEvent(ApiView):
    serializer_class = EventSerializer

    @extend_schema(
        tags=TAGS,
        operation_id="events_reopen",
        summary="Reopen a closed event",
        request=None,
        responses={200: EventSerializer, **problems(400, 401, 403, 404)},
    )
    def post(self, request, event_id):
        event = services.reopen_event(by=request.user, event=visible_event(request, event_id))
        return Response(EventSerializer(event).data)
