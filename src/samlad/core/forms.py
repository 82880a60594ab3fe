"""The form kit every app's pages share: labels, date and text fields, actor pickers grouped by
kind, the classification fields, and `show_service_errors`, which puts a service's
ValidationError on the form. Forms parse and check the input; the services decide and write.

The actor pickers read the actors through the app registry, not an import, so `samlad.core`
stays at the bottom of the import graph."""

from typing import Any

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models import Field, Model
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from samlad.core.models import Classification

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"

# The groups of the actor pickers, in order, by the actors' kind (actors.models.ActorKind).
ACTOR_GROUPS = [
    ("county_board", _("County administrative board")),
    ("municipality", _("Municipalities")),
    ("region", _("Region")),
    ("state_agency", _("State agencies")),
    ("rescue_service", _("Rescue services")),
    ("company", _("Companies")),
    ("other", _("Other organisations")),
]

PICK_SEVERAL = _("Hold down Ctrl (⌘ on a Mac) to pick several.")


def label(model: type[Model], name: str) -> StrOrPromise:
    """A form label from the model field's own (translated) name."""
    field = model._meta.get_field(name)
    assert isinstance(field, Field)  # a label is made for a concrete field
    return capfirst(field.verbose_name)  # lazy: translated when the form is shown


def datetime_local(
    label_text: StrOrPromise, *, required: bool = False, help_text: StrOrPromise = ""
) -> forms.DateTimeField:
    """A date and time picked in the browser; read and shown in Europe/Stockholm time."""
    return forms.DateTimeField(
        label=label_text,
        required=required,
        help_text=help_text,
        input_formats=[DATETIME_LOCAL, "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
    )


def text_area(
    label_text: StrOrPromise, *, required: bool = False, rows: int = 3
) -> forms.CharField:
    return forms.CharField(
        label=label_text, required=required, widget=forms.Textarea(attrs={"rows": rows})
    )


def show_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the field it names where there is one."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


# Actors are typed Any here: the model is samlad.actors.models.Actor, which core cannot name.
def active_actors() -> list[Any]:
    actor_model = apps.get_model("actors", "Actor")
    return list(actor_model.objects.filter(is_active=True).only("pk", "name", "kind", "designated"))


def grouped_choices(actors: list[Any]) -> list[tuple[Any, list[tuple[int, str]]]]:
    groups = []
    for kind, group_label in ACTOR_GROUPS:
        members = [(actor.pk, actor.name) for actor in actors if actor.kind == kind]
        if members:
            groups.append((group_label, members))
    return groups


class ActorSelect(forms.Select):
    template_name = "core/widgets/actor_select.html"


class ActorSelectMultiple(forms.SelectMultiple):
    template_name = "core/widgets/actor_select.html"


class ActorsField(forms.TypedMultipleChoiceField):
    """Several actors, picked from a list grouped by kind (municipalities, agencies …)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", PICK_SEVERAL)
        kwargs.setdefault("widget", ActorSelectMultiple(attrs={"size": "10"}))
        super().__init__(coerce=int, **kwargs)


class ActorField(forms.TypedChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", ActorSelect)
        super().__init__(coerce=int, empty_value=None, **kwargs)


class ActorPickerForm(forms.Form):
    """A form with actor pickers: one query for the actors, shared by all of them, and the
    picked ids turned back into actors."""

    actor_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actors = active_actors()
        self.actors_by_pk = {actor.pk: actor for actor in self.actors}
        choices = grouped_choices(self.actors)
        for name in self.actor_fields:
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)  # an actor picker
            blank = [] if field.required or isinstance(field, ActorsField) else [("", "—")]
            field.choices = [*blank, *choices]

    def designated_actor_ids(self) -> list[int]:
        return [actor.pk for actor in self.actors if actor.designated]

    def picked(self, name: str) -> Any:
        value = self.cleaned_data.get(name)
        if isinstance(value, list):
            return [self.actors_by_pk[pk] for pk in value]
        return self.actors_by_pk.get(value) if value is not None else None


class ClassificationFields(forms.Form):
    """Classification, the actors a restricted record is shared with, and the OSL reference."""

    classification = forms.ChoiceField(
        label=_("Classification"),
        choices=Classification.choices,
        initial=Classification.OPEN,
        widget=forms.RadioSelect,
    )
    shared_with = ActorsField(
        label=_("Shared with (restricted and confidential)"),
        help_text=format_lazy(
            "{} {}", _("Only these actors see a restricted or confidential record."), PICK_SEVERAL
        ),
    )
    osl_reference = forms.CharField(
        label=_("Secrecy provision (OSL)"),
        max_length=120,
        required=False,
        help_text=_("Required for confidential information, e.g. 'OSL 18 kap. 13 §'."),
    )
