"""/api/v1/meetings/ and /api/v1/meetings/{id}/: the meetings, planned, changed, started,
ended or cancelled."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from samlad.activation.selectors import forum_with_public_id
from samlad.api.schema import ids, problems
from samlad.meetings import selectors, services
from samlad.meetings.api import serializers as s
from samlad.meetings.api.common import checked, visible_meeting

STATUS_SERVICES = {
    "running": services.start_meeting,
    "ended": services.end_meeting,
    "cancelled": services.cancel_meeting,
}


class MeetingList(GenericAPIView):
    serializer_class = s.MeetingSerializer

    @extend_schema(
        tags=["meetings"],
        operation_id="meetings_list",
        summary="List the meetings you may see, soonest first",
        parameters=[s.MeetingFilterSerializer],
        responses={200: s.MeetingSerializer(many=True), **problems(400, 401)},
    )
    def get(self, request):
        filters = checked(s.MeetingFilterSerializer, request, query=True)
        forum = forum_with_public_id(filters["forum"]) if "forum" in filters else None
        meetings = selectors.visible_meetings(
            request.user, forum=forum, status=filters.get("status")
        )
        if "forum" in filters and forum is None:
            meetings = meetings.none()
        page = self.paginate_queryset(meetings)
        return self.get_paginated_response(s.MeetingSerializer(page, many=True).data)

    @extend_schema(
        tags=["meetings"],
        operation_id="meetings_create",
        summary="Plan a meeting of a forum, or the meeting of an activation",
        description="TiB, RSIB, RKK and the coordination office plan meetings. The agenda starts "
        "from the forum's standing agenda (the model's agenda in activated mode); the line is the "
        "forum's (or the activation's) unless given.",
        request=s.MeetingWriteSerializer,
        responses={201: s.MeetingSerializer, **problems(400, 401, 403)},
    )
    def post(self, request):
        data = checked(s.MeetingWriteSerializer, request)
        meeting = services.create_meeting(by=request.user, **data)
        return Response(s.MeetingSerializer(meeting).data, status=status.HTTP_201_CREATED)


@ids("meeting_id")
class MeetingDetail(GenericAPIView):
    serializer_class = s.MeetingSerializer

    @extend_schema(
        tags=["meetings"],
        operation_id="meetings_read",
        summary="Read a meeting",
        responses={200: s.MeetingSerializer, **problems(401, 404)},
    )
    def get(self, request, meeting_id):
        return Response(s.MeetingSerializer(visible_meeting(request, meeting_id)).data)

    @extend_schema(
        tags=["meetings"],
        operation_id="meetings_update",
        summary="Change, start, end or cancel a meeting",
        description="The host (TiB) changes the time or the line (the invited get the change as "
        "an iCalendar update) and starts, ends or cancels the meeting.",
        request=s.MeetingChangeSerializer,
        responses={200: s.MeetingSerializer, **problems(400, 401, 403, 404)},
    )
    def patch(self, request, meeting_id):
        meeting = visible_meeting(request, meeting_id)
        data = checked(s.MeetingChangeSerializer, request)
        wanted = data.pop("status", None)
        if data:
            meeting = services.update_meeting(by=request.user, meeting=meeting, **data)
        if wanted:
            meeting = STATUS_SERVICES[wanted](by=request.user, meeting=meeting)
        return Response(s.MeetingSerializer(meeting).data)
