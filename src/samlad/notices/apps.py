from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "samlad.notices"
    label = "notices"
    verbose_name = _("Notices")

    def ready(self) -> None:
        from samlad.events.signals import post_publish
        from samlad.notices import jobs  # noqa: F401  (registers the periodic jobs)
        from samlad.notices.receivers import picture_published

        post_publish.connect(picture_published, dispatch_uid="notices.picture_webhooks")
