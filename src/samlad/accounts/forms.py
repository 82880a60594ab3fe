"""Forms for signing in, two-factor codes and password reset."""

import re

from django import forms
from django.contrib.auth import forms as auth_forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samlad.accounts.models import User


class SignInForm(auth_forms.AuthenticationForm):
    """User names are case-insensitive: the lockout counts every spelling of one name as one."""

    def clean_username(self) -> str:
        return (self.cleaned_data.get("username") or "").strip().lower()


def _code_input(**attrs) -> forms.TextInput:
    return forms.TextInput(
        attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        | attrs
    )


class CodeForm(forms.Form):
    """A six-digit code from the authenticator app."""

    code = forms.CharField(
        label=_("Code from the app"),
        help_text=_("The six digits your authenticator app shows now."),
        max_length=20,
        widget=_code_input(inputmode="numeric", pattern="[0-9 ]*", autofocus=True),
    )

    def clean_code(self) -> str:
        code = re.sub(r"\s", "", self.cleaned_data["code"])
        if not re.fullmatch(r"\d{6}", code):
            raise forms.ValidationError(
                _("Enter the six digits shown in your authenticator app."), code="format"
            )
        return code


class BackupCodeForm(forms.Form):
    """One of the backup codes the user was given when setting up the app."""

    backup_code = forms.CharField(
        label=_("Backup code"),
        help_text=_("Eight letters and digits. Each backup code works once."),
        max_length=30,
        widget=_code_input(),
    )

    def clean_backup_code(self) -> str:
        code = re.sub(r"[\s-]", "", self.cleaned_data["backup_code"]).lower()
        if not re.fullmatch(r"[a-z2-7]{8}", code):
            raise forms.ValidationError(
                _("A backup code has eight letters and digits."), code="format"
            )
        return code


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Also reaches accounts that have no password yet (new accounts are invited this way), but
    never inactive accounts or accounts of inactive actors."""

    def get_users(self, email):
        candidates = User.objects.filter(email__iexact=email.strip(), is_active=True).filter(
            Q(actor__isnull=True) | Q(actor__is_active=True)
        )
        return (user for user in candidates if user.email.casefold() == email.strip().casefold())
