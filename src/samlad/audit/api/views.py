"""/api/v1/audit/changes/ and /api/v1/audit/reads/: the audit logs for security officers /
registrars (403 problem for everyone else). Every answered read is logged as a read of the
audit log (via "api")."""

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions
from rest_framework.generics import GenericAPIView

from samlad.api.rendering import JsonOnly
from samlad.api.schema import problems
from samlad.audit import export, selectors
from samlad.audit.api import serializers as s
from samlad.audit.selectors import CHANGES, READS
from samlad.core import access


class ReadsAuditLog(permissions.BasePermission):
    message = _("Only security officers and registrars read the audit logs.")

    def has_permission(self, request, view) -> bool:
        return access.may_read_audit_log(request.user)


ROWS = {CHANGES: selectors.changes_for, READS: selectors.reads_for}
CSV = {CHANGES: export.changes_csv, READS: export.reads_csv}
CSV_RESPONSE = OpenApiResponse(
    OpenApiTypes.STR,
    description="CSV (UTF-8 with a byte-order mark), every row the filters find; cells that "
    "start with = + - or @ get a leading apostrophe.",
)


def _filters(request):
    query = s.AuditFilterSerializer(data=request.query_params.dict())
    query.is_valid(raise_exception=True)
    return query.filters()


class _AuditLog(JsonOnly, GenericAPIView):
    permission_classes = [permissions.IsAuthenticated, ReadsAuditLog]
    log = ""

    def get(self, request):
        filters = _filters(request)
        page = self.paginate_queryset(ROWS[self.log](request.user, filters))
        selectors.note_audit_read(request.user, log=self.log, via="api", filters=filters)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class ChangeLog(_AuditLog):
    serializer_class = s.ChangeSerializer
    log = CHANGES

    @extend_schema(
        tags=["audit"],
        operation_id="audit_changes_list",
        summary="The change log, newest first (security officers / registrars)",
        description="Every state change: who, for which actor, when, what, before/after. "
        "Your read is itself logged in the read log.",
        parameters=[s.AuditFilterSerializer],
        responses={200: s.ChangeSerializer(many=True), **problems(400, 401, 403)},
    )
    def get(self, request):
        return super().get(request)


class ReadLog(_AuditLog):
    serializer_class = s.ReadSerializer
    log = READS

    @extend_schema(
        tags=["audit"],
        operation_id="audit_reads_list",
        summary="Reads of confidential records, newest first (security officers / registrars)",
        description="Every time someone was shown a confidential record, and how; reads of "
        "the audit logs too. Your read is itself logged here.",
        parameters=[s.AuditFilterSerializer],
        responses={200: s.ReadSerializer(many=True), **problems(400, 401, 403)},
    )
    def get(self, request):
        return super().get(request)


class _AuditLogCsv(JsonOnly, GenericAPIView):
    permission_classes = [permissions.IsAuthenticated, ReadsAuditLog]
    pagination_class = None
    log = ""

    def get(self, request):
        filters = _filters(request)
        lines = CSV[self.log](ROWS[self.log](request.user, filters))
        selectors.note_audit_read(request.user, log=self.log, via="export", filters=filters)
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="{self.log}-{stamp}.csv"'
        return response


class ChangeLogCsv(_AuditLogCsv):
    log = CHANGES

    @extend_schema(
        tags=["audit"],
        operation_id="audit_changes_csv",
        summary="The change log as CSV (security officers / registrars)",
        parameters=[s.AuditFilterSerializer],
        responses={(200, "text/csv"): CSV_RESPONSE, **problems(400, 401, 403)},
    )
    def get(self, request):
        return super().get(request)


class ReadLogCsv(_AuditLogCsv):
    log = READS

    @extend_schema(
        tags=["audit"],
        operation_id="audit_reads_csv",
        summary="Reads of confidential records as CSV (security officers / registrars)",
        parameters=[s.AuditFilterSerializer],
        responses={(200, "text/csv"): CSV_RESPONSE, **problems(400, 401, 403)},
    )
    def get(self, request):
        return super().get(request)
