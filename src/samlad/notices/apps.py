from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "samlad.notices"
    label = "notices"
