"""API routes of the actors app, mounted under /api/v1/: the actor directory, and the contact
points an actor's administrators keep."""

from django.urls import path

from samlad.actors.api import views

urlpatterns = [
    path("actors/", views.ActorListView.as_view(), name="api-actors"),
    path("actors/<uuid:public_id>/", views.ActorDetailView.as_view(), name="api-actor"),
    path(
        "actors/<uuid:actor_id>/contact-points/",
        views.ContactPointListView.as_view(),
        name="api-contact-points",
    ),
    path(
        "actors/<uuid:actor_id>/contact-points/<uuid:public_id>/",
        views.ContactPointDetailView.as_view(),
        name="api-contact-point",
    ),
]
