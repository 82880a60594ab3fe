"""The outbox page under /utskick/."""

from django.urls import path

from samlad.notify import views

app_name = "notify"

urlpatterns = [
    path("", views.outbox, name="outbox"),
]
