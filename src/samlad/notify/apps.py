from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "samlad.notify"
    label = "notify"
