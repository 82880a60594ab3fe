from django.apps import AppConfig


class ActivationConfig(AppConfig):
    name = "samlad.activation"
    label = "activation"
