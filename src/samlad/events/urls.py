"""The event pages, under /handelser/ (Swedish paths, UUIDs for public ids)."""

from django.urls import path

from samlad.events.views import (
    editing,
    eventpage,
    listing,
    live,
    logbook,
    picture_editor,
    pictures,
    reports,
)

app_name = "events"

urlpatterns = [
    path("", listing.event_list, name="list"),
    path("ny/", editing.create, name="create"),
    path("sok/", listing.search, name="search"),
    path("<uuid:public_id>/", eventpage.detail, name="detail"),
    path("<uuid:public_id>/andra/", editing.edit, name="edit"),
    path("<uuid:public_id>/stang/", editing.close, name="close"),
    path("<uuid:public_id>/ateroppna/", editing.reopen, name="reopen"),
    path("<uuid:public_id>/logg/", logbook.add_entry, name="add_log_entry"),
    path("<uuid:public_id>/rapport/", reports.file_report, name="file_report"),
    path(
        "<uuid:public_id>/aktorsrapporter/<uuid:actor_id>/",
        reports.history,
        name="report_history",
    ),
    path("<uuid:public_id>/strom/", live.stream, name="stream"),
    path("<uuid:public_id>/lagesbild/", picture_editor.editor, name="picture_editor"),
    path("<uuid:public_id>/lagesbild/jamfor/", pictures.compare, name="picture_compare"),
    path("<uuid:public_id>/lagesbild/<int:number>/", pictures.version, name="picture_version"),
    path(
        "<uuid:public_id>/lagesbild/<int:number>/kort/",
        pictures.short_version,
        name="picture_short",
    ),
    path(
        "<uuid:public_id>/lagesbild/<int:number>/utskrift/",
        pictures.print_version,
        name="picture_print",
    ),
]
