"""Delegated administration under /administration/ (Swedish paths, UUIDs)."""

from django.urls import path

from samlad.administration.views import actors, contact_points, functions, overview, users

app_name = "administration"

ACTOR = "<uuid:actor_id>/"
USER = ACTOR + "anvandare/<uuid:user_id>/"
FUNCTION = ACTOR + "funktioner/<uuid:function_id>/"
POINT = ACTOR + "kontaktvagar/<uuid:point_id>/"

urlpatterns = [
    path("", overview.overview, name="overview"),
    path("ny-aktor/", actors.create, name="actor_create"),
    path(ACTOR, overview.actor_page, name="actor"),
    path(ACTOR + "uppgifter/", actors.edit, name="actor_edit"),
    path(ACTOR + "inaktivera/", actors.deactivate, name="actor_deactivate"),
    path(ACTOR + "aktivera/", actors.activate, name="actor_activate"),
    path(ACTOR + "anvandare/ny/", users.create, name="user_create"),
    path(USER, users.edit, name="user"),
    path(USER + "inaktivera/", users.deactivate, name="user_deactivate"),
    path(USER + "aktivera/", users.activate, name="user_activate"),
    path(USER + "inbjudan/", users.invite, name="user_invite"),
    path(USER + "plattformsadministrator/", users.platform_admin, name="user_platform_admin"),
    path(USER + "sakerhetsskyddschef/", users.security_officer, name="user_security_officer"),
    path(FUNCTION, functions.detail, name="function"),
    path(FUNCTION + "ordning/", functions.move, name="function_move"),
    path(FUNCTION + "bemanna/", functions.staff, name="function_staff"),
    path(FUNCTION + "lamna/", functions.unstaff, name="function_unstaff"),
    path(ACTOR + "kontaktvagar/ny/", contact_points.create, name="contact_point_create"),
    path(POINT, contact_points.edit, name="contact_point"),
    path(POINT + "ta-bort/", contact_points.remove, name="contact_point_remove"),
]
