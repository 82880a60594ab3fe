from django.urls import path

from samlad.actors.administration import views

app_name = "administration"

urlpatterns = [
    path("", views.overview, name="overview"),
]
