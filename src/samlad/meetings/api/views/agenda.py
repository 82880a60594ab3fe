"""/api/v1/meetings/{id}/agenda/: the agenda with the live minutes of each item."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from samlad.api.errors import problem_response
from samlad.api.schema import ids, problems
from samlad.meetings import selectors, services
from samlad.meetings.api import serializers as s
from samlad.meetings.api.common import checked, visible_meeting


def _agenda(meeting) -> list:
    items = selectors.agenda(meeting)
    for item in items:
        item.history = selectors.matter_history(item.raised_matter) if item.raised_matter_id else []
    return items


@ids("meeting_id")
class Agenda(GenericAPIView):
    serializer_class = s.AgendaItemSerializer
    pagination_class = None

    @extend_schema(
        tags=["agenda"],
        operation_id="agenda_list",
        summary="Read the agenda with what the minutes say about each item",
        responses={200: s.AgendaItemSerializer(many=True), **problems(401, 404)},
    )
    def get(self, request, meeting_id):
        meeting = visible_meeting(request, meeting_id)
        return Response(s.AgendaItemSerializer(_agenda(meeting), many=True).data)

    @extend_schema(
        tags=["agenda"],
        operation_id="agenda_add",
        summary="Add an agenda item (RSIB)",
        request=s.AgendaItemWriteSerializer,
        responses={201: s.AgendaItemSerializer, **problems(400, 401, 403, 404)},
    )
    def post(self, request, meeting_id):
        meeting = visible_meeting(request, meeting_id)
        data = checked(s.AgendaItemWriteSerializer, request)
        item = services.add_item(by=request.user, meeting=meeting, **data)
        item.refresh_from_db()
        return Response(s.AgendaItemSerializer(item).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        tags=["agenda"],
        operation_id="agenda_reorder",
        summary="Put the agenda in a new order (RSIB)",
        request=s.AgendaOrderSerializer,
        responses={200: s.AgendaItemSerializer(many=True), **problems(400, 401, 403, 404)},
    )
    def put(self, request, meeting_id):
        meeting = visible_meeting(request, meeting_id)
        data = checked(s.AgendaOrderSerializer, request)
        services.reorder(by=request.user, meeting=meeting, order=data["order"])
        return Response(s.AgendaItemSerializer(_agenda(meeting), many=True).data)


@ids("meeting_id", "item_id")
class AgendaItemDetail(GenericAPIView):
    serializer_class = s.AgendaItemSerializer

    def _item(self, request, meeting_id, item_id):
        meeting = visible_meeting(request, meeting_id)
        return selectors.agenda_item(meeting, public_id=item_id)

    @extend_schema(
        tags=["agenda"],
        operation_id="agenda_write_notes",
        summary="Write an item's minutes",
        description="Send the revision you read the notes at. If someone saved them since, the "
        "answer is 409 with what they saved (`current`), and nothing is overwritten.",
        request=s.NotesWriteSerializer,
        responses={200: s.AgendaItemSerializer, **problems(400, 401, 403, 404, 409)},
    )
    def patch(self, request, meeting_id, item_id):
        item = self._item(request, meeting_id, item_id)
        data = checked(s.NotesWriteSerializer, request)
        try:
            item = services.save_notes(by=request.user, item=item, **data)
        except services.NotesConflict as clash:
            return problem_response(
                409,
                str(clash),
                current={"notes": clash.item.notes, "revision": clash.item.revision},
            )
        item.history = []
        return Response(s.AgendaItemSerializer(item).data)

    @extend_schema(
        tags=["agenda"],
        operation_id="agenda_remove",
        summary="Take an item off the agenda (RSIB); its notes are kept",
        responses={204: None, **problems(400, 401, 403, 404)},
    )
    def delete(self, request, meeting_id, item_id):
        item = self._item(request, meeting_id, item_id)
        services.remove_item(by=request.user, item=item)
        return Response(status=status.HTTP_204_NO_CONTENT)
