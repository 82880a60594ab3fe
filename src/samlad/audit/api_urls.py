"""API routes of the audit logs, mounted under /api/v1/."""

from django.urls import path

from samlad.audit.api import views

urlpatterns = [
    path("audit/changes/", views.ChangeLog.as_view(), name="api-audit-changes"),
    path("audit/changes.csv", views.ChangeLogCsv.as_view(), name="api-audit-changes-csv"),
    path("audit/reads/", views.ReadLog.as_view(), name="api-audit-reads"),
    path("audit/reads.csv", views.ReadLogCsv.as_view(), name="api-audit-reads-csv"),
]
