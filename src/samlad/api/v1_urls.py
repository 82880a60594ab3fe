"""The foundation's API routes under /api/v1/: authentication, me, actors, users."""

from django.urls import path

from samlad.api import actors, auth_views, contact_points, me, users

urlpatterns = [
    path("auth/token/", auth_views.TokenView.as_view(), name="api-token"),
    path("auth/logout/", auth_views.LogoutView.as_view(), name="api-logout"),
    path("auth/logout-all/", auth_views.LogoutAllView.as_view(), name="api-logout-all"),
    path("me/", me.MeView.as_view(), name="api-me"),
    path("actors/", actors.ActorListView.as_view(), name="api-actors"),
    path("actors/<uuid:public_id>/", actors.ActorDetailView.as_view(), name="api-actor"),
    path(
        "actors/<uuid:actor_id>/contact-points/",
        contact_points.ContactPointListView.as_view(),
        name="api-contact-points",
    ),
    path(
        "actors/<uuid:actor_id>/contact-points/<uuid:public_id>/",
        contact_points.ContactPointDetailView.as_view(),
        name="api-contact-point",
    ),
    path("users/", users.UserListView.as_view(), name="api-users"),
    path("users/<uuid:public_id>/", users.UserDetailView.as_view(), name="api-user"),
    path(
        "users/<uuid:public_id>/deactivate/",
        users.UserDeactivateView.as_view(),
        name="api-user-deactivate",
    ),
    path(
        "users/<uuid:public_id>/activate/",
        users.UserActivateView.as_view(),
        name="api-user-activate",
    ),
]
