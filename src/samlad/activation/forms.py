"""Forms of the activation pages. They parse and check input; the services decide and write,
and a service's ValidationError is shown on the form (`samlad.core.forms.show_service_errors`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samlad.activation import selectors
from samlad.activation.models import Answer, Urgency
from samlad.actors.models import Actor
from samlad.actors.selectors import swedish_sort_key
from samlad.core.forms import PICK_SEVERAL, datetime_local
from samlad.events.selectors import visible_events


def actor_choices() -> list[tuple[int, str]]:
    actors = Actor.objects.filter(is_active=True).only("pk", "name")
    return [(a.pk, a.name) for a in sorted(actors, key=lambda a: swedish_sort_key(a.name))]


class ForumChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.get_level_display().lower()}, {obj.get_mode_display().lower()})"


class EventChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return str(obj)


def event_field(user) -> EventChoiceField:
    return EventChoiceField(
        label=_("Event"),
        queryset=visible_events(user, status="open"),
        required=False,
        to_field_name="public_id",
        help_text=_("The event the activation concerns, if it is registered."),
    )


class RequestForm(forms.Form):
    """Ask TiB to activate cooperation."""

    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What has happened or is expected, and why the region should cooperate."),
    )
    suggested_forum = ForumChoiceField(
        label=_("Suggested forum"),
        queryset=selectors.activatable_forums(),
        required=False,
        to_field_name="public_id",
    )
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices)
    is_exercise = forms.BooleanField(label=_("This is an exercise (ÖVNING)"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"] = event_field(user)
        self.order_fields(["reason", "suggested_forum", "urgency", "event", "is_exercise"])


class ActivationForm(forms.Form):
    """TiB activates a forum (directly, or on a request)."""

    forum = ForumChoiceField(
        label=_("Forum"), queryset=selectors.activatable_forums(), to_field_name="public_id"
    )
    meeting_at = datetime_local(_("Meeting starts"), help_text=_("Empty: at once."))
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    is_exercise = forms.BooleanField(label=_("This is an exercise (ÖVNING)"), required=False)
    bridge_number = forms.CharField(
        label=_("Conference bridge number"),
        required=False,
        help_text=_("Empty: the forum's own."),
    )
    bridge_pin = forms.CharField(label=_("Conference PIN"), required=False)
    rakel_talk_group = forms.CharField(label=_("Rakel talk group"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"] = event_field(user)

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        arguments = {
            "forum": data["forum"],
            "meeting_at": data["meeting_at"],
            "reason": data["reason"],
            "is_exercise": data["is_exercise"],
            "event": data["event"],
        }
        for name in ("bridge_number", "bridge_pin", "rakel_talk_group"):
            if data[name].strip():
                arguments[name] = data[name]
        return arguments


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The requester sees this and is told by e-mail and SMS."),
    )


class AddActorsForm(forms.Form):
    """Widen the composition after an actor analysis."""

    actors = forms.TypedMultipleChoiceField(
        label=_("Actors to call"),
        coerce=int,
        help_text=PICK_SEVERAL,
        widget=forms.SelectMultiple(attrs={"size": "8"}),
    )
    reason = forms.CharField(label=_("Actor analysis: why"), required=False, max_length=300)

    def __init__(self, *args, activation, **kwargs):
        super().__init__(*args, **kwargs)
        present = set(activation.participants.values_list("actor_id", flat=True))
        self.fields["actors"].choices = [c for c in actor_choices() if c[0] not in present]

    def picked(self) -> list[Actor]:
        return list(Actor.objects.filter(pk__in=self.cleaned_data["actors"]))


class AnswerForm(forms.Form):
    """Attending, not attending, or later in so many minutes."""

    answer = forms.ChoiceField(choices=Answer.choices)
    minutes = forms.IntegerField(
        label=_("In how many minutes?"), required=False, min_value=1, max_value=24 * 60
    )

    def clean(self):
        data = super().clean()
        if data.get("answer") == Answer.LATER and not data.get("minutes"):
            self.add_error("minutes", _("Say in how many minutes you can join."))
        return data
