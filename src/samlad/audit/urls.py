"""The audit pages under /granskning/ (Swedish paths)."""

from django.urls import path

from samlad.audit import views

app_name = "audit"

urlpatterns = [
    path("andringar/", views.changes, name="changes"),
    path("andringar/export.csv", views.changes_csv, name="changes_csv"),
    path("lasningar/", views.reads, name="reads"),
    path("lasningar/export.csv", views.reads_csv, name="reads_csv"),
]
