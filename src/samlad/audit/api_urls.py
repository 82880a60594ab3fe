"""API routes of the audit logs, mounted under /api/v1/."""

from django.urls import path

from samlad.audit.api import views

urlpatterns = [
    path("audit/changes/", views.ChangeLog.as_view(), name="api-audit-changes"),
    path("audit/reads/", views.ReadLog.as_view(), name="api-audit-reads"),
]
