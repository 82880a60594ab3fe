"""The filters above the audit pages (Swedish query parameters, as elsewhere in the UI)."""

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from samlad.audit.selectors import AuditFilter


def _object_types() -> list[tuple[str, str]]:
    """Every kind of record Samlad logs (its own models), by name."""
    models = [m for m in apps.get_models() if m.__module__.startswith("samlad.")]
    choices = sorted(
        (m._meta.label_lower, f"{m._meta.verbose_name} ({m._meta.label_lower})") for m in models
    )
    return [("", _("All")), *choices]


def _day(label) -> forms.DateField:
    return forms.DateField(label=label, required=False, widget=forms.DateInput({"type": "date"}))


class AuditFilterForm(forms.Form):
    anvandare = forms.CharField(
        label=_("User"), required=False, help_text=_("User name or public id.")
    )
    aktor = forms.CharField(
        label=_("Actor"), required=False, help_text=_("Short name (e.g. nacka) or public id.")
    )
    typ = forms.ChoiceField(label=_("Object type"), required=False, choices=_object_types)
    objekt = forms.CharField(
        label=_("Object id"), required=False, help_text=_("The record's public id.")
    )
    fran = _day(_("From"))
    till = _day(_("Until"))

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("fran"), cleaned.get("till")
        if since and until and since > until:
            raise forms.ValidationError(_("The period ends before it starts."))
        return cleaned

    def filters(self) -> AuditFilter:
        """The filters, once the form is valid."""
        data = self.cleaned_data
        return AuditFilter(
            user=data["anvandare"],
            actor=data["aktor"],
            object_type=data["typ"],
            object_id=data["objekt"],
            since=data["fran"],
            until=data["till"],
        )
