"""The actor directory and the call-out list, under /aktorer/ (Swedish paths, UUIDs)."""

from django.urls import path

from samlad.actors import views

app_name = "actors"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("utskrift/", views.print_list, name="print"),
    path("<uuid:public_id>/", views.detail, name="detail"),
]
