from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivationConfig(AppConfig):
    name = "samlad.activation"
    label = "activation"
    verbose_name = _("Activation")

    def ready(self) -> None:
        from samlad.activation import jobs, sms_replies  # noqa: F401  (registers the jobs)
        from samlad.notify import inbound

        inbound.register(sms_replies.handle)
