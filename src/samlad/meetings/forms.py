"""Forms of the meeting pages. They parse and check the input; the services decide and write,
and their ValidationErrors are shown on the form (`samlad.core.forms.show_service_errors`).
Forms that share the meeting page have a prefix, so their fields get names and ids of their own."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samlad.actors.models import FunctionKind
from samlad.core.forms import (
    ActorField,
    ActorPickerForm,
    ClassificationFields,
    datetime_local,
    text_area,
)
from samlad.meetings.models import ActionKind, ActionStatus, AgendaKind, Presence

ADDABLE_KINDS = [
    (AgendaKind.TOPIC, _("Item")),
    (AgendaKind.ACTOR_REPORTS, _("Actor reports")),
    (AgendaKind.DECISIONS, _("Decisions")),
    (AgendaKind.NEXT_MEETING, _("Next meeting")),
]
FUNCTION_CHOICES = [("", "—"), *FunctionKind.choices]


class MeetingForm(ActorPickerForm, ClassificationFields):
    """Planning a meeting: the forum, when, and the line (empty: the forum's own)."""

    forum = forms.TypedChoiceField(label=_("Forum"), coerce=int)
    event = forms.TypedChoiceField(
        label=_("Event"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("A meeting about an event is as closed as the event unless you say otherwise."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Empty: the forum's name and the date."),
    )
    starts_at = datetime_local(_("Starts"), required=True)
    duration_minutes = forms.IntegerField(
        label=_("Length (minutes)"), min_value=5, max_value=1440, required=False
    )
    bridge_number = forms.CharField(
        label=_("Conference bridge number"),
        max_length=30,
        required=False,
        help_text=_("Empty: the forum's own conference line."),
    )
    bridge_pin = forms.CharField(label=_("Conference PIN"), max_length=12, required=False)
    rakel_talk_group = forms.CharField(label=_("Rakel talk group"), max_length=40, required=False)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    same_access_as_event = forms.BooleanField(
        label=_("As closed as the event"),
        required=False,
        initial=True,
        help_text=_("Untick to set the classification below instead."),
    )

    actor_fields = ("shared_with",)
    field_order = [
        "forum",
        "event",
        "title",
        "starts_at",
        "duration_minutes",
        "bridge_number",
        "bridge_pin",
        "rakel_talk_group",
        "place",
        "same_access_as_event",
        "classification",
        "shared_with",
        "osl_reference",
    ]

    def __init__(self, *args, forums, events, **kwargs):
        super().__init__(*args, **kwargs)
        self.forums = {forum.pk: forum for forum in forums}
        self.events = {event.pk: event for event in events}
        self.fields["forum"].choices = [(forum.pk, forum.name) for forum in forums]
        self.fields["event"].choices = [("", "—")] + [(event.pk, str(event)) for event in events]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        event = self.events.get(data["event"]) if data["event"] else None
        arguments = {
            "forum": self.forums[data["forum"]],
            "event": event,
            "starts_at": data["starts_at"],
            "title": data["title"],
            "duration_minutes": data["duration_minutes"],
            "bridge_number": data["bridge_number"],
            "bridge_pin": data["bridge_pin"],
            "rakel_talk_group": data["rakel_talk_group"],
            "place": data["place"],
        }
        if event is None or not data["same_access_as_event"]:
            arguments |= {
                "classification": data["classification"],
                "shared_with": self.picked("shared_with"),
                "osl_reference": data["osl_reference"],
            }
        return arguments


class MeetingChangeForm(forms.Form):
    """What the host may change: the calendar details (sent to the invited)."""

    title = forms.CharField(label=_("Title"), max_length=200)
    starts_at = datetime_local(_("Starts"), required=True)
    duration_minutes = forms.IntegerField(label=_("Length (minutes)"), min_value=5, max_value=1440)
    bridge_number = forms.CharField(
        label=_("Conference bridge number"), max_length=30, required=False
    )
    bridge_pin = forms.CharField(label=_("Conference PIN"), max_length=12, required=False)
    rakel_talk_group = forms.CharField(label=_("Rakel talk group"), max_length=40, required=False)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)

    @staticmethod
    def initial_for(meeting) -> dict:
        return {name: getattr(meeting, name) for name in MeetingChangeForm.base_fields}


class AgendaItemForm(forms.Form):
    prefix = "punkt"

    title = forms.CharField(label=_("New item"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=ADDABLE_KINDS, initial=AgendaKind.TOPIC)
    position = forms.IntegerField(
        label=_("Place on the agenda"), min_value=1, required=False, help_text=_("Empty: last.")
    )


class MoveForm(forms.Form):
    to = forms.IntegerField(min_value=1)


class NotesForm(forms.Form):
    """One agenda item's notes; `revision` is the one the writer opened."""

    notes = forms.CharField(
        label=_("Minutes"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    revision = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


class AttendeeForm(ActorPickerForm):
    """Someone at the roll call who is not on the list yet."""

    prefix = "narvaro"

    actor = ActorField(label=_("Actor"), required=True)
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    function_kind = forms.ChoiceField(label=_("Function"), choices=FUNCTION_CHOICES, required=False)
    mandate = forms.CharField(label=_("Mandate"), max_length=200, required=False)
    presence = forms.ChoiceField(
        label=_("Presence"), choices=Presence.choices, initial=Presence.PRESENT
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("For the invitations and the approved minutes."),
    )

    actor_fields = ("actor",)

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            name: data[name] for name in ("name", "function_kind", "mandate", "presence", "email")
        } | {"actor": self.picked("actor")}


class PresenceForm(forms.Form):
    """The roll call of one row: presence, function and mandate."""

    presence = forms.ChoiceField(label=_("Presence"), choices=Presence.choices)
    function_kind = forms.ChoiceField(label=_("Function"), choices=FUNCTION_CHOICES, required=False)
    mandate = forms.CharField(label=_("Mandate"), max_length=200, required=False)


class ActionForm(ActorPickerForm):
    """What one actor has agreed to do, or decided for itself."""

    prefix = "atgard"

    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=ActionKind.choices,
        initial=ActionKind.ACTION,
        widget=forms.RadioSelect,
    )
    actor = ActorField(
        label=_("Responsible actor"),
        required=True,
        help_text=_("An actor, not a person: forums take no joint decisions."),
    )
    text = text_area(_("What the actor does"), required=True, rows=2)
    due_at = datetime_local(_("Due"))
    agenda_item = forms.TypedChoiceField(
        label=_("Agenda item"), coerce=int, required=False, empty_value=None
    )

    actor_fields = ("actor",)

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.items = {item.pk: item for item in items}
        self.fields["agenda_item"].choices = [("", "—")] + [
            (item.pk, f"{item.position}. {item.title}") for item in items
        ]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "actor": self.picked("actor"),
            "text": data["text"],
            "due_at": data["due_at"],
            "agenda_item": self.items.get(data["agenda_item"]) if data["agenda_item"] else None,
        }


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    note = forms.CharField(label=_("Note"), max_length=1000, required=False)
    meeting = forms.UUIDField(required=False, widget=forms.HiddenInput)


class ActorReportForm(ActorPickerForm):
    """An actor's short oral report, recorded into the event as that actor's report."""

    prefix = "rapport"

    actor = ActorField(label=_("Actor"), required=True)
    situation = text_area(_("Current situation (facts)"), required=True, rows=3)
    needs = text_area(_("Needs, e.g. reinforcement"), rows=2)
    actions_planned = text_area(_("Actions planned"), rows=2)
    communication = text_area(_("Own communication measures"), rows=2)

    actor_fields = ("actor",)

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            name: data[name] for name in ("situation", "needs", "actions_planned", "communication")
        } | {"actor": self.picked("actor")}


class RaiseMatterForm(forms.Form):
    prefix = "arende"

    to_forum = forms.TypedChoiceField(label=_("To forum"), coerce=int)
    title = forms.CharField(label=_("Matter"), max_length=200)
    description = text_area(_("Background"), rows=3)
    source_item = forms.TypedChoiceField(
        label=_("From agenda item"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, forums=(), items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.forums = {forum.pk: forum for forum in forums}
        self.items = {item.pk: item for item in items}
        self.fields["to_forum"].choices = [(forum.pk, forum.name) for forum in forums]
        self.fields["source_item"].choices = [("", "—")] + [
            (item.pk, f"{item.position}. {item.title}") for item in items
        ]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "to_forum": self.forums.get(data["to_forum"]),
            "title": data["title"],
            "description": data["description"],
            "source_item": self.items.get(data["source_item"]) if data["source_item"] else None,
        }


class ApproveForm(forms.Form):
    revision = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    change_note = forms.CharField(
        label=_("What changed since the previous version"), max_length=1000, required=False
    )


class NextMeetingForm(forms.Form):
    prefix = "nasta"

    starts_at = datetime_local(_("Next meeting starts"), required=True)
