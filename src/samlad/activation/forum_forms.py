"""The platform administrators' forum form: the forum's facts, and who sits in it (per function
kind: every actor of the network, or the actors picked)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samlad.activation.forms import actor_choices
from samlad.activation.models import Forum
from samlad.activation.services.forums import FORUM_FIELDS
from samlad.actors.models import Actor, FunctionKind
from samlad.core.forms import PICK_SEVERAL

EVERY = "*"
MEMBER_KINDS = [kind for kind in FunctionKind if kind != FunctionKind.PERMISSION_ADMIN]
# The slug is made from the name; the standing agenda is edited as text, one item per line.
FIELDS = [name for name in FORUM_FIELDS if name not in {"slug", "standing_agenda"}]


class ForumForm(forms.ModelForm):
    standing_agenda_text = forms.CharField(
        label=_("Standing agenda"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One item per line."),
    )

    class Meta:
        model = Forum
        fields = FIELDS
        widgets = {"rhythm_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host_actor"].queryset = Actor.objects.filter(is_active=True)
        self.initial["standing_agenda_text"] = "\n".join(self.instance.standing_agenda or [])
        choices = [(EVERY, _("Every actor of the network")), *actor_choices()]
        current = self._current_members()
        for kind in MEMBER_KINDS:
            self.fields[f"members_{kind}"] = forms.MultipleChoiceField(
                label=_("Members: %(function)s") % {"function": kind.label},
                choices=choices,
                required=False,
                help_text=PICK_SEVERAL,
                widget=forms.SelectMultiple(attrs={"size": "6"}),
                initial=current.get(kind, []),
            )

    def _current_members(self) -> dict[str, list[str]]:
        if self.instance.pk is None:
            return {}
        current: dict[str, list[str]] = {}
        for member in self.instance.members.all():
            value = str(member.actor_id) if member.actor_id else EVERY
            current.setdefault(member.function_kind, []).append(value)
        return current

    def members(self) -> list[tuple[str, Actor | None]]:
        actors = {str(a.pk): a for a in Actor.objects.filter(is_active=True)}
        picked = []
        for kind in MEMBER_KINDS:
            values = self.cleaned_data.get(f"members_{kind}", [])
            if EVERY in values:
                picked.append((kind, None))
                continue
            picked += [(kind, actors[value]) for value in values if value in actors]
        return picked

    def service_arguments(self) -> dict:
        arguments = {name: self.cleaned_data[name] for name in FIELDS}
        agenda = self.cleaned_data["standing_agenda_text"].splitlines()
        arguments["standing_agenda"] = [line.strip() for line in agenda if line.strip()]
        arguments["members"] = self.members()
        return arguments
