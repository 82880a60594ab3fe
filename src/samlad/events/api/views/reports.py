"""/api/v1/events/{id}/reports/: the actors' reports as far as the user may see them, one
actor's history, one report, and filing the report of the user's own actor."""

from django.db.models import prefetch_related_objects
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response

from samlad.actors.selectors import actor_for
from samlad.api.schema import ids, problems
from samlad.events import selectors, services
from samlad.events.api.serializers.reports import (
    ReportFilterSerializer,
    ReportSerializer,
    ReportWriteSerializer,
)
from samlad.events.api.views.common import ApiView, checked_query, visible_event

TAGS = ["actor reports"]
READ_BY = "api"


@ids("event_id")
class ReportList(ApiView):
    serializer_class = ReportSerializer

    @extend_schema(
        tags=TAGS,
        operation_id="reports_list",
        summary="The actors' current reports, or one actor's history",
        description="Each actor's latest report that you may see; with `actor`, every version "
        "of that actor's report that you may see, newest first.",
        parameters=[ReportFilterSerializer],
        responses={200: ReportSerializer(many=True), **problems(400, 401, 404)},
    )
    def get(self, request, event_id):
        event = visible_event(request, event_id)
        actor_id = checked_query(ReportFilterSerializer, request).get("actor")
        if actor_id is None:
            reports = selectors.current_reports(request.user, event, via=READ_BY)
        else:
            actor = actor_for(request.user, public_id=actor_id)
            reports = selectors.report_history(request.user, event, actor=actor, via=READ_BY)
        page = self.paginate_queryset(reports)
        prefetch_related_objects(page, "shared_with")
        return self.get_paginated_response(ReportSerializer(page, many=True).data)

    @extend_schema(
        tags=TAGS,
        operation_id="reports_file",
        summary="File your actor's report",
        description="It supersedes your actor's previous report, which stays in the history. "
        "Only while the event is open. Refused (403, with the reason) when you could not read "
        "the report back: confidential without the confidential permission, or restricted to "
        "actors other than your own.",
        request=ReportWriteSerializer,
        responses={201: ReportSerializer, **problems(400, 401, 403, 404)},
    )
    def post(self, request, event_id):
        event = visible_event(request, event_id)
        data = ReportWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.file_report(by=request.user, event=event, **data.validated_data)
        return Response(ReportSerializer(report).data, status=status.HTTP_201_CREATED)


@ids("event_id", "report_id")
class ReportDetail(ApiView):
    serializer_class = ReportSerializer

    @extend_schema(
        tags=TAGS,
        operation_id="reports_read",
        summary="Read one report",
        responses={200: ReportSerializer, **problems(401, 404)},
    )
    def get(self, request, event_id, report_id):
        event = visible_event(request, event_id)
        report = selectors.report_for(request.user, event, public_id=report_id, via=READ_BY)
        return Response(ReportSerializer(report).data)
