"""/api/v1/meetings/{id}/attendance/: the attendance list and the roll call."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from samlad.api.schema import ids, problems
from samlad.meetings import selectors, services
from samlad.meetings.api import serializers as s
from samlad.meetings.api.common import checked, visible_meeting


@ids("meeting_id")
class AttendanceList(GenericAPIView):
    serializer_class = s.AttendanceSerializer
    pagination_class = None

    @extend_schema(
        tags=["attendance"],
        operation_id="attendance_list",
        summary="Read the attendance list",
        responses={200: s.AttendanceSerializer(many=True), **problems(401, 404)},
    )
    def get(self, request, meeting_id):
        meeting = visible_meeting(request, meeting_id)
        return Response(s.AttendanceSerializer(selectors.attendance(meeting), many=True).data)

    @extend_schema(
        tags=["attendance"],
        operation_id="attendance_add",
        summary="Add someone at the roll call (the host)",
        request=s.AttendanceWriteSerializer,
        responses={201: s.AttendanceSerializer, **problems(400, 401, 403, 404)},
    )
    def post(self, request, meeting_id):
        meeting = visible_meeting(request, meeting_id)
        data = checked(s.AttendanceWriteSerializer, request)
        row = services.add_attendee(by=request.user, meeting=meeting, **data)
        return Response(s.AttendanceSerializer(row).data, status=status.HTTP_201_CREATED)


@ids("meeting_id", "row_id")
class AttendanceDetail(GenericAPIView):
    serializer_class = s.AttendanceSerializer

    @extend_schema(
        tags=["attendance"],
        operation_id="attendance_update",
        summary="The roll call of one row: presence, function, mandate (the host)",
        request=s.AttendanceChangeSerializer,
        responses={200: s.AttendanceSerializer, **problems(400, 401, 403, 404)},
    )
    def patch(self, request, meeting_id, row_id):
        meeting = visible_meeting(request, meeting_id)
        row = selectors.attendance_row(meeting, public_id=row_id)
        data = checked(s.AttendanceChangeSerializer, request)
        row = services.update_attendee(by=request.user, row=row, **data)
        return Response(s.AttendanceSerializer(row).data)
