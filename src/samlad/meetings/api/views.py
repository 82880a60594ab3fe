"""/api/v1/meetings/ and /api/v1/action-items/: meetings with their agenda and live minutes,
attendance, approved minutes, and the action items of the actors."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound as ApiNotFound
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from samlad.activation.selectors import forum_with_public_id
from samlad.api.errors import problem_response
from samlad.api.schema import ids, problems
from samlad.core.errors import NotFound
from samlad.meetings import minutes, selectors, services
from samlad.meetings.api import serializers as s
from samlad.meetings.api.common import visible_meeting
from samlad.meetings.models import ActionUpdate

STATUS_SERVICES = {
    "running": services.start_meeting,
    "ended": services.end_meeting,
    "cancelled": services.cancel_meeting,
}


def checked(serializer_class, request, *, query: bool = False, **kwargs):
    data = request.query_params.dict() if query else request.data
    serializer = serializer_class(data=data, context={"request": request}, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


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


def _with_updates(items):
    return items.prefetch_related(
        Prefetch("updates", queryset=ActionUpdate.objects.order_by("at", "id"))
    )


class ActionItemList(GenericAPIView):
    serializer_class = s.ActionItemSerializer

    @extend_schema(
        tags=["action items"],
        operation_id="action_items_list",
        summary="The action items you may see",
        description="Those of the meetings you may see, and your own actor's wherever they were "
        "agreed. `mine=true&open=true` is your actor's open list.",
        parameters=[s.ActionFilterSerializer],
        responses={200: s.ActionItemSerializer(many=True), **problems(400, 401)},
    )
    def get(self, request):
        filters = checked(s.ActionFilterSerializer, request, query=True)
        actor = request.user.actor if filters["mine"] and request.user.actor_id else None
        items = selectors.visible_actions(request.user, actor=actor, open_only=filters["open"])
        if filters["mine"] and actor is None:
            items = items.none()
        if "meeting" in filters:
            items = items.filter(meeting__public_id=filters["meeting"])
        page = self.paginate_queryset(_with_updates(items))
        return self.get_paginated_response(s.ActionItemSerializer(page, many=True).data)

    @extend_schema(
        tags=["action items"],
        operation_id="action_items_create",
        summary="Record what one actor has agreed to do in a meeting",
        request=s.ActionItemWriteSerializer,
        responses={201: s.ActionItemSerializer, **problems(400, 401, 403, 404)},
    )
    def post(self, request):
        data = checked(s.ActionItemWriteSerializer, request)
        meeting = visible_meeting(request, data.pop("meeting"))
        item_id = data.pop("agenda_item")
        agenda_item = selectors.agenda_item(meeting, public_id=item_id) if item_id else None
        item = services.add_action(
            by=request.user, meeting=meeting, agenda_item=agenda_item, **data
        )
        return Response(s.ActionItemSerializer(item).data, status=status.HTTP_201_CREATED)


@ids("action_id")
class ActionItemDetail(GenericAPIView):
    serializer_class = s.ActionItemSerializer

    def _item(self, request, action_id):
        return selectors.action_for(request.user, public_id=action_id)

    @extend_schema(
        tags=["action items"],
        operation_id="action_items_read",
        summary="Read an action item and its follow-up history",
        responses={200: s.ActionItemSerializer, **problems(401, 404)},
    )
    def get(self, request, action_id):
        return Response(s.ActionItemSerializer(self._item(request, action_id)).data)

    @extend_schema(
        tags=["action items"],
        operation_id="action_items_follow_up",
        summary="Follow an item up: in progress, done, cancelled or reopened",
        description="The responsible actor's own users and the minutes writers may.",
        request=s.ActionStatusSerializer,
        responses={200: s.ActionItemSerializer, **problems(400, 401, 403, 404)},
    )
    def patch(self, request, action_id):
        item = self._item(request, action_id)
        data = checked(s.ActionStatusSerializer, request)
        meeting_id = data.pop("at_meeting")
        try:
            at_meeting = (
                selectors.meeting_for(request.user, public_id=meeting_id, via=None)
                if meeting_id
                else None
            )
        except NotFound:
            raise ApiNotFound from None
        item = services.set_action_status(by=request.user, item=item, at_meeting=at_meeting, **data)
        return Response(s.ActionItemSerializer(item).data)
