from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "samlad.meetings"
    label = "meetings"
