"""Signing in and out, the user's own account page, and passwords (change, reset by e-mail)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from samlad.accounts.forms import PasswordResetForm, SignInForm
from samlad.accounts.middleware import needs_second_factor, second_step_url
from samlad.accounts.passwords import record_password_change
from samlad.accounts.two_factor import backup_codes_left, confirmed_device, must_use_two_factor


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = SignInForm
    redirect_authenticated_user = True

    def get_success_url(self) -> str:
        url = super().get_success_url()
        if needs_second_factor(self.request.user):
            return second_step_url(url)
        return url


class SignOutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("You are signed out."))
        return response


@login_required
def account(request):
    """Mitt konto: who I am, for which actor, in which functions, and how I sign in."""
    user = request.user
    assignments = user.function_assignments.filter(function__actor_id=user.actor_id)
    return render(
        request,
        "accounts/account.html",
        {
            "assignments": assignments.select_related("function"),
            "device": confirmed_device(user),
            "backup_codes_left": backup_codes_left(user),
            "two_factor_required": must_use_two_factor(user),
        },
    )


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")

    def form_valid(self, form):
        response = super().form_valid(form)
        record_password_change(user=form.user, reset=False)
        messages.success(self.request, _("Your password has been changed."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Always answers the same, whether or not the address belongs to an account."""

    template_name = "accounts/password_reset.html"
    form_class = PasswordResetForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    @property
    def extra_email_context(self) -> dict:
        return {"site_url": settings.SITE_URL}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        record_password_change(user=form.user, reset=True)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
