"""/api/v1/event-types/: the catalogue of type events; platform administrators keep it."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response

from samlad.core import access
from samlad.events import selectors, services
from samlad.events.api.serializers.events import EventTypeSerializer, EventTypeWriteSerializer
from samlad.events.api.views.common import ApiView, ids, problems

TAGS = ["event types"]


class EventTypeList(ApiView):
    serializer_class = EventTypeSerializer

    @extend_schema(
        tags=TAGS,
        operation_id="event_types_list",
        summary="List the event types",
        description="The types in use; platform administrators also see those taken out of use.",
        responses={200: EventTypeSerializer(many=True), **problems()},
    )
    def get(self, request):
        if access.is_platform_admin(request.user):
            types = selectors.all_event_types()
        else:
            types = selectors.event_types()
        page = self.paginate_queryset(types)
        return self.get_paginated_response(EventTypeSerializer(page, many=True).data)

    @extend_schema(
        tags=TAGS,
        operation_id="event_types_create",
        summary="Add an event type (platform administrators)",
        request=EventTypeWriteSerializer,
        responses={201: EventTypeSerializer, **problems(400, 403)},
    )
    def post(self, request):
        data = EventTypeWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        event_type = services.create_event_type(by=request.user, **data.validated_data)
        return Response(EventTypeSerializer(event_type).data, status=status.HTTP_201_CREATED)


@ids("type_id")
class EventTypeDetail(ApiView):
    serializer_class = EventTypeSerializer

    @extend_schema(
        tags=TAGS,
        operation_id="event_types_read",
        summary="Read an event type",
        responses={200: EventTypeSerializer, **problems(404)},
    )
    def get(self, request, type_id):
        return Response(EventTypeSerializer(selectors.event_type_for(public_id=type_id)).data)

    @extend_schema(
        tags=TAGS,
        operation_id="event_types_update",
        summary="Change an event type (platform administrators)",
        description="Rename it, or take it out of use (`is_active: false`): events of that type "
        "keep it, new events cannot use it.",
        request=EventTypeWriteSerializer(partial=True),
        responses={200: EventTypeSerializer, **problems(400, 403, 404)},
    )
    def patch(self, request, type_id):
        event_type = selectors.event_type_for(public_id=type_id)
        data = EventTypeWriteSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        event_type = services.update_event_type(
            by=request.user, event_type=event_type, **data.validated_data
        )
        return Response(EventTypeSerializer(event_type).data)
