"""The Django admin at /admin/: platform administrators only, and only after the second step
of signing in where two-factor authentication applies (as django-otp's OTPAdminSite, but
following Samlad's rule: mandatory for administrators outside demo mode). Permission
administrators of an actor get no admin access: they work in /administration/."""

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from samlad.accounts.middleware import is_verified, needs_second_factor, second_step_url
from samlad.accounts.two_factor import has_two_factor, must_use_two_factor
from samlad.core import access


class SamladAdminSite(admin.AdminSite):
    site_header = _("Samlad: technical administration")
    site_title = _("Samlad admin")
    index_title = _("Technical administration")

    def has_permission(self, request) -> bool:
        user = request.user
        if not access.is_platform_admin(user):
            return False
        return is_verified(user) or not (must_use_two_factor(user) or has_two_factor(user))

    def login(self, request, extra_context=None):
        """The admin's sign-in form for the signed-out (it counts towards the same lockout);
        the second step for those who still need it; a plain refusal for everyone else."""
        user = request.user
        if not user.is_authenticated:
            return super().login(request, extra_context)
        next_url = self._safe_next(request)
        if needs_second_factor(user):
            return redirect(second_step_url(next_url))
        if self.has_permission(request):
            return redirect(next_url)
        return TemplateResponse(request, "administration/admin_refused.html", status=403)

    def _safe_next(self, request) -> str:
        wanted = request.GET.get(REDIRECT_FIELD_NAME, "")
        if url_has_allowed_host_and_scheme(
            wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return wanted
        return reverse("admin:index", current_app=self.name)
