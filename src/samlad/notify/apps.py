from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "samlad.notify"
    label = "notify"

    def ready(self) -> None:
        from samlad.notify.worker import tasks  # noqa: F401 - registers the periodic sweep
