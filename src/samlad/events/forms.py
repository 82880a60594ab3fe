"""Forms of the event pages, built from the shared form kit (`samlad.core.forms`). They parse and
check the input; the services decide and write, and their ValidationErrors are shown on the form
(`samlad.core.forms.show_service_errors`)."""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from samlad.core.errors import NotFound
from samlad.core.forms import (
    ActorField,
    ActorPickerForm,
    ActorsField,
    ClassificationFields,
    datetime_local,
    label,
    text_area,
)
from samlad.events import selectors
from samlad.events.geo import validate_area
from samlad.events.models import ActorReport, EntryKind, Event, Mode, PictureDraft
from samlad.events.services.pictures import DRAFT_FIELDS
from samlad.events.services.reports import REPORT_FIELDS


class EventTypeField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name_en if get_language() == "en" else obj.name_sv


class EventForm(ActorPickerForm, ClassificationFields):
    """An event's details, for registering it and for changing it."""

    title = forms.CharField(label=_("Title"), max_length=200)
    description = text_area(_("Description"), rows=4)
    event_type = EventTypeField(label=_("Type"), queryset=selectors.event_types(), empty_label="—")
    mode = forms.ChoiceField(
        label=_("Mode"), choices=Mode.choices, initial=Mode.ORDINARY, widget=forms.RadioSelect
    )
    is_exercise = forms.BooleanField(
        label=_("Exercise"),
        required=False,
        help_text=_("Everything about an exercise event is marked EXERCISE."),
    )
    affected_actors = ActorsField(label=_("Affected municipalities and actors"))
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    area = forms.CharField(
        label=_("Area (GeoJSON)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false"}),
        help_text=_(
            "Optional. A GeoJSON Point, Polygon or MultiPolygon in longitude/latitude, e.g. "
            '{"type": "Point", "coordinates": [18.07, 59.33]}.'
        ),
    )
    lead_actor = ActorField(label=_("Lead actor"))
    starts_at = datetime_local(_("Starts"), required=True)
    ends_at = datetime_local(_("Ends"), help_text=_("Optional; may lie in the future."))

    actor_fields = ("affected_actors", "lead_actor", "shared_with")
    field_order = [
        "title",
        "description",
        "event_type",
        "mode",
        "is_exercise",
        "affected_actors",
        "place",
        "area",
        "lead_actor",
        "starts_at",
        "ends_at",
        "classification",
        "shared_with",
        "osl_reference",
    ]

    @classmethod
    def for_new_event(cls, *args, **kwargs) -> "EventForm":
        """A blank form: starts now; designated actors (Länsstyrelsen) preselected to share with."""
        form = cls(*args, **kwargs)
        form.initial.setdefault("starts_at", timezone.now().replace(second=0, microsecond=0))
        form.initial.setdefault("shared_with", form.designated_actor_ids())
        return form

    @staticmethod
    def initial_for(event: Event) -> dict:
        return {
            "title": event.title,
            "description": event.description,
            "event_type": event.event_type_id,
            "mode": event.mode,
            "is_exercise": event.is_exercise,
            "affected_actors": [actor.pk for actor in event.affected_actors.all()],
            "place": event.place,
            "area": json.dumps(event.area, ensure_ascii=False) if event.area else "",
            "lead_actor": event.lead_actor_id,
            "starts_at": event.starts_at,
            "ends_at": event.ends_at,
            "classification": event.classification,
            "shared_with": [actor.pk for actor in event.shared_with.all()],
            "osl_reference": event.osl_reference,
        }

    def clean_area(self):
        text = self.cleaned_data["area"].strip()
        if not text:
            return None
        try:
            value = json.loads(text)
        except ValueError as error:
            raise ValidationError(
                _("The area is not valid GeoJSON (%(error)s)."), params={"error": error}
            ) from error
        return validate_area(value)

    def service_arguments(self) -> dict:
        """The keyword arguments of create_event / update_event."""
        data = self.cleaned_data
        names = [name for name in self.field_order if name not in self.actor_fields]
        return {name: data[name] for name in names} | {
            "lead_actor": self.picked("lead_actor"),
            "affected_actors": self.picked("affected_actors"),
            "shared_with": self.picked("shared_with"),
        }


class LogEntryForm(forms.Form):
    """A line in the log book, or a correction of an earlier one."""

    kind = forms.ChoiceField(label=_("Kind"), choices=EntryKind.choices)
    text = text_area(_("Text"), required=True)
    at = datetime_local(_("When it happened"), help_text=_("Leave empty for now."))
    corrects = forms.IntegerField(
        label=_("Corrects entry no."),
        required=False,
        min_value=1,
        help_text=_("Only for a correction: the number of the entry it corrects."),
    )

    field_order = ["kind", "at", "corrects", "text"]

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event

    def clean_corrects(self):
        number = self.cleaned_data["corrects"]
        if number is None:
            return None
        try:
            return selectors.log_entry(self.event, number=number)
        except NotFound:
            raise ValidationError(
                _("There is no entry no. %(number)s in this log book."), params={"number": number}
            ) from None


class ReportForm(ActorPickerForm, ClassificationFields):
    """An actor's report (aktörsrapport). TiB and RSIB may also record another actor's."""

    situation = text_area(label(ActorReport, "situation"), required=True, rows=4)
    assumptions = text_area(label(ActorReport, "assumptions"))
    actions_taken = text_area(label(ActorReport, "actions_taken"))
    actions_planned = text_area(label(ActorReport, "actions_planned"))
    needs = text_area(label(ActorReport, "needs"))
    communication = text_area(label(ActorReport, "communication"))
    effects_on_others = text_area(label(ActorReport, "effects_on_others"))
    for_actor = ActorField(
        label=_("Report for"),
        required=True,
        help_text=_("TiB and RSIB may record an actor's oral report, e.g. from a meeting."),
    )

    actor_fields = ("shared_with", "for_actor")
    field_order = ["for_actor", *REPORT_FIELDS, "classification", "shared_with", "osl_reference"]

    def __init__(self, *args, may_report_for_others: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_report_for_others:
            del self.fields["for_actor"]

    @staticmethod
    def initial_for(report: ActorReport | None, user) -> dict:
        """Prefilled from the actor's current report, if it has one."""
        initial = {"for_actor": user.actor_id}
        if report is None:
            return initial
        return (
            initial
            | {name: getattr(report, name) for name in REPORT_FIELDS}
            | {
                "classification": report.classification,
                "shared_with": [actor.pk for actor in report.shared_with.all()],
                "osl_reference": report.osl_reference,
            }
        )

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        arguments = {name: data[name] for name in REPORT_FIELDS} | {
            "classification": data["classification"],
            "osl_reference": data["osl_reference"],
            "shared_with": self.picked("shared_with"),
        }
        if "for_actor" in self.fields and data.get("for_actor") is not None:
            arguments["for_actor"] = self.picked("for_actor")
        return arguments


class PictureDraftForm(forms.Form):
    """The draft of the consolidated picture; `revision` is the one the editor opened."""

    summary = text_area(label(PictureDraft, "summary"), rows=4)
    analysis = text_area(label(PictureDraft, "analysis"), rows=4)
    most_likely = text_area(label(PictureDraft, "most_likely"))
    worst_case = text_area(label(PictureDraft, "worst_case"))
    coordination_needs = text_area(label(PictureDraft, "coordination_needs"))
    communication_needs = text_area(label(PictureDraft, "communication_needs"))
    short_version = forms.CharField(
        label=label(PictureDraft, "short_version"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=PictureDraft._meta.get_field("short_version").help_text,
    )
    next_update_at = datetime_local(label(PictureDraft, "next_update_at"))
    revision = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    @staticmethod
    def initial_for(draft: PictureDraft | None) -> dict:
        if draft is None:
            return {"revision": 0}
        return {name: getattr(draft, name) for name in DRAFT_FIELDS} | {"revision": draft.revision}

    def draft_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in DRAFT_FIELDS}


class CompareForm(forms.Form):
    """Two published versions to compare."""

    fran = forms.TypedChoiceField(label=_("From version"), coerce=int)
    till = forms.TypedChoiceField(label=_("To version"), coerce=int)

    def __init__(self, *args, numbers: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("fran", "till"):
            self.fields[name].choices = [(n, n) for n in numbers]


STATUS_FILTERS = [("all", _("All")), ("open", _("Open")), ("closed", _("Closed"))]


class EventFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Show"), choices=STATUS_FILTERS, required=False)
    typ = forms.ChoiceField(label=_("Type"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        english = get_language() == "en"
        self.fields["typ"].choices = [("", _("All types"))] + [
            (kind.slug, kind.name_en if english else kind.name_sv)
            for kind in selectors.event_types()
        ]


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
