"""The activation pages, under /aktivering/ (Swedish paths, UUIDs for public ids)."""

from django.urls import path

from samlad.activation.views import activations, answer, board, forums, live, overview, requests

app_name = "activation"

urlpatterns = [
    path("", overview.overview, name="overview"),
    path("strom/", live.overview_stream, name="overview_stream"),
    path("ny/", activations.create, name="create"),
    path("begaran/ny/", requests.file_request, name="request_create"),
    path("begaran/<uuid:public_id>/", requests.detail, name="request"),
    path("begaran/<uuid:public_id>/aktivera/", requests.activate, name="request_activate"),
    path("begaran/<uuid:public_id>/avsla/", requests.decline, name="request_decline"),
    path("forum/", forums.forum_list, name="forums"),
    path("forum/nytt/", forums.create, name="forum_create"),
    path("forum/<uuid:public_id>/", forums.detail, name="forum"),
    path("forum/<uuid:public_id>/andra/", forums.edit, name="forum_edit"),
    path("svar/<str:token>/", answer.answer, name="answer"),
    path("<uuid:public_id>/", board.board, name="board"),
    path("<uuid:public_id>/strom/", live.board_stream, name="stream"),
    path("<uuid:public_id>/aktorer/", activations.add_actors, name="add_actors"),
    path(
        "<uuid:public_id>/svar/<uuid:recipient_id>/",
        activations.record_answer,
        name="record_answer",
    ),
    path("<uuid:public_id>/avsluta/", activations.close, name="close"),
]
