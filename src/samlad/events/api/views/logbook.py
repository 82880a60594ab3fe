"""/api/v1/events/{id}/log/: read the log book (newest first) and append to it."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.response import Response

from samlad.events import selectors, services
from samlad.events.api.serializers.logbook import LogEntrySerializer, LogEntryWriteSerializer
from samlad.events.api.views.common import ApiView, ids, problems, visible_event


class LogBookPages:
    """An event's log book as the paginator sees it. Entries are numbered 1, 2, 3… without gaps
    and never deleted, so a page is a range of numbers: as fast at entry 100,000 as at entry 1."""

    def __init__(self, event):
        self.event = event
        self.total = selectors.log_entry_count(event)

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, window: slice) -> list:
        entries = selectors.log_entries(
            self.event,
            before_number=self.total - window.start + 1,
            limit=window.stop - window.start,
        )
        corrected = selectors.corrections_of(entries)
        for entry in entries:
            entry.corrected_by = corrected.get(entry.pk, [])
        return entries


class LogBookPagination(LimitOffsetPagination):
    max_limit = 500


@ids("event_id")
class LogBook(ApiView):
    serializer_class = LogEntrySerializer
    pagination_class = LogBookPagination

    @extend_schema(
        tags=["log book"],
        operation_id="log_list",
        summary="Read an event's log book, newest entry first",
        responses={200: LogEntrySerializer(many=True), **problems(404)},
    )
    def get(self, request, event_id):
        event = visible_event(request, event_id)
        page = self.paginate_queryset(LogBookPages(event))
        return self.get_paginated_response(LogEntrySerializer(page, many=True).data)

    @extend_schema(
        tags=["log book"],
        operation_id="log_append",
        summary="Write in an event's log book",
        description="Anyone who can see the event may. Entries are never changed: to correct "
        "one, write a new entry with `corrects` set to its id; the original stays readable.",
        request=LogEntryWriteSerializer,
        responses={201: LogEntrySerializer, **problems(400, 404)},
    )
    def post(self, request, event_id):
        event = visible_event(request, event_id)
        data = LogEntryWriteSerializer(data=request.data, context={"event": event})
        data.is_valid(raise_exception=True)
        entry = services.add_log_entry(by=request.user, event=event, **data.validated_data)
        entry.corrected_by = []
        return Response(LogEntrySerializer(entry).data, status=status.HTTP_201_CREATED)
