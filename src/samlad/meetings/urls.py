"""The meeting pages, under /moten/ (Swedish paths, UUIDs for public ids)."""

from django.urls import path

from samlad.meetings.views import (
    actions,
    agenda,
    editing,
    listing,
    live,
    meetingpage,
    minutes,
    sections,
)

app_name = "meetings"

MEETING = "<uuid:public_id>/"

urlpatterns = [
    path("", listing.meeting_list, name="list"),
    path("nytt/", editing.create, name="create"),
    path("aktivering/<uuid:activation_id>/", editing.open_for_activation, name="for_activation"),
    path("atgarder/", actions.own_actions, name="own_actions"),
    path("atgarder/<uuid:action_id>/", actions.set_status, name="action_status"),
    path(MEETING, meetingpage.detail, name="detail"),
    path(f"{MEETING}andra/", editing.edit, name="edit"),
    path(f"{MEETING}status/", editing.change_status, name="status"),
    path(f"{MEETING}inbjudan/", editing.invite, name="invite"),
    path(f"{MEETING}kalender.ics", editing.ics, name="ics"),
    path(f"{MEETING}nasta/", editing.book_next, name="book_next"),
    path(f"{MEETING}strom/", live.stream, name="stream"),
    path(f"{MEETING}dagordning/", agenda.add_item, name="add_item"),
    path(f"{MEETING}dagordning/<uuid:item_id>/", agenda.item, name="item"),
    path(f"{MEETING}dagordning/<uuid:item_id>/flytta/", agenda.move_item, name="move_item"),
    path(f"{MEETING}dagordning/<uuid:item_id>/ta-bort/", agenda.remove_item, name="remove_item"),
    path(f"{MEETING}narvaro/", sections.add_attendee, name="add_attendee"),
    path(f"{MEETING}narvaro/svar/", sections.refresh_attendance, name="refresh_attendance"),
    path(f"{MEETING}narvaro/<uuid:row_id>/", sections.roll_call, name="roll_call"),
    path(f"{MEETING}aktorsrapport/", sections.record_report, name="record_report"),
    path(f"{MEETING}atgarder/", sections.add_action, name="add_action"),
    path(f"{MEETING}lyft/", sections.raise_matter, name="raise_matter"),
    path(f"{MEETING}minnesanteckningar/", minutes.read_out, name="read_out"),
    path(f"{MEETING}minnesanteckningar/ny-version/", minutes.new_version, name="new_version"),
    path(f"{MEETING}minnesanteckningar/<int:number>/", minutes.version, name="minutes_version"),
    path(
        f"{MEETING}minnesanteckningar/<int:number>/utskrift/",
        minutes.print_version,
        name="minutes_print",
    ),
    path(
        f"{MEETING}minnesanteckningar/<int:number>/dokument/",
        minutes.download,
        name="minutes_document",
    ),
]
