from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samlad.notify.models import Channel, DeliveryStatus


class OutboxFilterForm(forms.Form):
    kanal = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("All"))] + Channel.choices
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + DeliveryStatus.choices
    )

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        return {"channel": self.cleaned_data["kanal"], "status": self.cleaned_data["status"]}
