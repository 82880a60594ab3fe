from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdministrationConfig(AppConfig):
    """Delegated administration under /administration/ (an actor's users, functions and contact
    points; the actor registry), and the Django admin's site at /admin/."""

    name = "samlad.administration"
    label = "administration"
    verbose_name = _("Administration")
