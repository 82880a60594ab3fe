"""Django's admin app with Samlad's admin site (settings.INSTALLED_APPS names this class)."""

from django.contrib.admin.apps import AdminConfig


class SamladAdminConfig(AdminConfig):
    default_site = "samlad.administration.admin_site.SamladAdminSite"
