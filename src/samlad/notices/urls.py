from django.urls import path

from samlad.notices.views import listing

app_name = "notices"

urlpatterns = [
    path("", listing.notice_list, name="list"),
    path("<uuid:public_id>/", listing.notice_list, name="detail"),
]
