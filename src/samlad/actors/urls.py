from django.urls import path

from samlad.actors import views

app_name = "actors"

urlpatterns = [
    path("", views.directory, name="directory"),
]
