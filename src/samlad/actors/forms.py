"""The directory's search and filter form (a plain GET form; htmx only makes it live)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samlad.actors.models import ActorKind
from samlad.actors.selectors import KIND_ORDER

# Group headings of the directory, in the order the groups are shown.
KIND_PLURALS = {
    ActorKind.COUNTY_BOARD: _("County administrative boards"),
    ActorKind.REGION: _("Regions"),
    ActorKind.STATE_AGENCY: _("State agencies"),
    ActorKind.RESCUE_SERVICE: _("Rescue services"),
    ActorKind.COMPANY: _("Companies"),
    ActorKind.OTHER: _("Other organisations"),
    ActorKind.MUNICIPALITY: _("Municipalities"),
}


class DirectoryFilterForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    q = forms.CharField(
        label=_("Search by name or short name"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    typ = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds"))] + [(kind, KIND_PLURALS[kind]) for kind in KIND_ORDER],
    )

    def filters(self) -> dict[str, str]:
        """The valid filters as selector arguments; an invalid one is ignored (and shown)."""
        self.is_valid()  # cleaned_data keeps only the fields that are valid
        return {"search": self.cleaned_data.get("q", ""), "kind": self.cleaned_data.get("typ", "")}
