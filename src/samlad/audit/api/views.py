"""/api/v1/audit/changes/ and /api/v1/audit/reads/: the audit logs for security officers /
registrars (403 problem for everyone else). Every answered read is logged as a read of the
audit log (via "api")."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import permissions
from rest_framework.generics import GenericAPIView

from samlad.api.rendering import JsonOnly
from samlad.api.schema import problems
from samlad.audit import selectors
from samlad.audit.api import serializers as s
from samlad.audit.selectors import CHANGES, READS
from samlad.core import access


class ReadsAuditLog(permissions.BasePermission):
    message = _("Only security officers and registrars read the audit logs.")

    def has_permission(self, request, view) -> bool:
        return access.may_read_audit_log(request.user)


class _AuditLog(JsonOnly, GenericAPIView):
    permission_classes = [permissions.IsAuthenticated, ReadsAuditLog]
    log = ""

    def get(self, request):
        query = s.AuditFilterSerializer(data=request.query_params.dict())
        query.is_valid(raise_exception=True)
        filters = query.filters()
        rows = (selectors.changes_for if self.log == CHANGES else selectors.reads_for)(
            request.user, filters
        )
        page = self.paginate_queryset(rows)
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
