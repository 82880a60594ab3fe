from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "samlad.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        # The schema's descriptions of our authentication classes register on import.
        from samlad.api import schema  # noqa: F401
