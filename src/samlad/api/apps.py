from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "samlad.api"
    label = "api"
    verbose_name = "API"
