"""API routes of the accounts app, mounted under /api/v1/: tokens, who I am, and the accounts
administrators keep."""

from django.urls import path

from samlad.accounts.api import views

urlpatterns = [
    path("auth/token/", views.TokenView.as_view(), name="api-token"),
    path("auth/logout/", views.LogoutView.as_view(), name="api-logout"),
    path("auth/logout-all/", views.LogoutAllView.as_view(), name="api-logout-all"),
    path("me/", views.MeView.as_view(), name="api-me"),
    path("users/", views.UserListView.as_view(), name="api-users"),
    path("users/<uuid:public_id>/", views.UserDetailView.as_view(), name="api-user"),
    path(
        "users/<uuid:public_id>/deactivate/",
        views.UserDeactivateView.as_view(),
        name="api-user-deactivate",
    ),
    path(
        "users/<uuid:public_id>/activate/",
        views.UserActivateView.as_view(),
        name="api-user-activate",
    ),
]
