"""/api/v1/meetings/{id}/minutes/: the minutes as they stand, their approval, and the approved
versions."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from samlad.api.errors import problem_response
from samlad.api.schema import ids, problems
from samlad.meetings import minutes, selectors, services
from samlad.meetings.api import serializers as s
from samlad.meetings.api.common import checked, visible_meeting


@ids("meeting_id")
class Minutes(GenericAPIView):
    serializer_class = s.MinutesSerializer

    @extend_schema(
        tags=["minutes"],
        operation_id="minutes_read",
        summary="The minutes as they stand, and the approved versions",
        responses={200: s.MinutesSerializer, **problems(401, 404)},
    )
    def get(self, request, meeting_id):
        meeting = visible_meeting(request, meeting_id)
        body = {
            "state": meeting.minutes_state,
            "revision": meeting.minutes_revision,
            "current": minutes.content(meeting),
            "versions": selectors.minutes_versions(meeting),
        }
        return Response(s.MinutesSerializer(body).data)

    @extend_schema(
        tags=["minutes"],
        operation_id="minutes_approve",
        summary="Record that the minutes were read out and approved",
        description="Locks the minutes as the next numbered version and sends them to the "
        "participants. `revision` is the minutes revision that was read out: if they changed "
        "since, the answer is 409 and nothing is approved.",
        request=s.ApproveSerializer,
        responses={
            201: s.MinutesVersionSerializer,
            **problems(
                400,
                401,
                403,
                404,
                409,
                meanings={409: "The minutes changed after they were read out."},
            ),
        },
    )
    def post(self, request, meeting_id):
        meeting = visible_meeting(request, meeting_id)
        data = checked(s.ApproveSerializer, request)
        try:
            version = services.approve_minutes(by=request.user, meeting=meeting, **data)
        except services.MinutesChanged as changed:
            return problem_response(
                409, str(changed), current={"revision": changed.meeting.minutes_revision}
            )
        return Response(s.MinutesVersionSerializer(version).data, status=status.HTTP_201_CREATED)


@ids("meeting_id")
class MinutesVersionDetail(GenericAPIView):
    serializer_class = s.MinutesVersionSerializer

    @extend_schema(
        tags=["minutes"],
        operation_id="minutes_version_read",
        summary="One approved version of the minutes",
        responses={200: s.MinutesVersionSerializer, **problems(401, 404)},
    )
    def get(self, request, meeting_id, number):
        meeting = visible_meeting(request, meeting_id)
        return Response(
            s.MinutesVersionSerializer(selectors.minutes_version(meeting, number=number)).data
        )
