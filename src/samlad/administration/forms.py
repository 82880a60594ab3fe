"""Forms of delegated administration. They check what a form can (required fields, formats) and
keep what was typed; the services check the rest (permissions, uniqueness, classification), and
their errors are put back on the form by `show_errors`."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _

from samlad.actors.models import Actor, ContactChannel
from samlad.actors.phones import to_e164
from samlad.actors.services import ACTOR_FIELDS
from samlad.core.forms import show_service_errors as show_errors  # noqa: F401 (the views use it)
from samlad.core.models import Classification


class AdministrationForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class UserForm(AdministrationForm):
    """A person's account: who they are, how they are reached, what they staff."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("The invitation to choose a password is sent here."),
    )
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=40,
        required=False,
        help_text=_("For call-outs by SMS, e.g. 070-123 45 67 or +46 70 123 45 67."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    title = forms.CharField(label=_("Job title"), max_length=150, required=False)
    functions = forms.MultipleChoiceField(
        label=_("Functions"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("A new person is placed last in each function's call-out order."),
    )
    can_read_confidential = forms.BooleanField(
        label=_("May read confidential information"),
        required=False,
        help_text=_("Confidential under the Public Access to Information and Secrecy Act (OSL)."),
    )

    def __init__(self, *args, function_choices, own_account: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["functions"].choices = function_choices
        if own_account:
            field = self.fields["can_read_confidential"]
            field.disabled = True
            field.help_text = _("You cannot change your own permission.")

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        return to_e164(phone) if phone else ""

    def service_fields(self) -> dict:
        """The cleaned data as the account services take it."""
        return dict(self.cleaned_data)


class NewUserForm(UserForm):
    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        help_text=_(
            "Used to sign in; cannot be changed later. Suggestion: the actor's short name, a dot "
            "and the person's name, e.g. %(example)s."
        ),
        widget=forms.TextInput(attrs={"autocapitalize": "none", "spellcheck": "false"}),
    )
    field_order = ["username"]

    def __init__(self, *args, actor: Actor, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.help_text = username.help_text % {"example": f"{actor.slug}.anna.svensson"}


class ContactPointForm(AdministrationForm):
    """A number or address at which the actor, or one of its functions, is reached."""

    function = forms.ChoiceField(label=_("Reaches"), required=False)
    channel = forms.ChoiceField(label=_("Channel"), choices=ContactChannel.choices)
    value = forms.CharField(
        label=_("Number or address"),
        max_length=254,
        help_text=_("Phone numbers are stored in international form (+46…)."),
    )
    label = forms.CharField(
        label=_("Label"),
        max_length=120,
        required=False,
        help_text=_("e.g. Duty officer, around the clock"),
    )
    position = forms.IntegerField(
        label=_("Order"),
        min_value=1,
        max_value=99,
        initial=1,
        help_text=_("1 is tried first."),
    )
    classification = forms.ChoiceField(
        label=_("Classification"),
        choices=Classification.choices,
        initial=Classification.OPEN,
        widget=forms.RadioSelect,
        help_text=_(
            "Open: every actor of the network. Restricted: your actor and those you share with. "
            "Confidential: as restricted, and only people who may read confidential information."
        ),
    )
    osl_reference = forms.CharField(
        label=_("Secrecy provision (OSL)"),
        max_length=120,
        required=False,
        help_text=_("Required for confidential contact points, e.g. OSL 18 kap. 13 §."),
    )
    shared_with = forms.MultipleChoiceField(
        label=_("Shared with"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For restricted and confidential contact points."),
    )

    def __init__(self, *args, function_choices, other_actors, may_classify_confidential, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["function"].choices = [("", _("The whole actor"))] + list(function_choices)
        self._actors = {str(actor.public_id): actor for actor in other_actors}
        self.fields["shared_with"].choices = [
            (public_id, actor.name) for public_id, actor in self._actors.items()
        ]
        self.may_classify_confidential = may_classify_confidential

    def clean_classification(self) -> str:
        value = self.cleaned_data["classification"]
        if value == Classification.CONFIDENTIAL and not self.may_classify_confidential:
            raise ValidationError(
                _(
                    "Only people who may read confidential information can mark a contact "
                    "point as confidential."
                )
            )
        return value

    def clean_shared_with(self) -> list[Actor]:
        return [self._actors[public_id] for public_id in self.cleaned_data["shared_with"]]


class ActorForm(AdministrationForm):
    """An actor's registry details."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(fields_for_model(Actor, fields=ACTOR_FIELDS))
        self.fields["description"].widget.attrs["rows"] = 3
        # Format rules of the model (e.g. four-digit municipality codes), reported with the rest.
        for name, field in self.fields.items():
            rules = Actor._meta.get_field(name).validators
            field.validators += [rule for rule in rules if isinstance(rule, RegexValidator)]


class StaffForm(AdministrationForm):
    """Who else staffs a function: one of the actor's active users who does not yet."""

    user = forms.ChoiceField(label=_("Person"))

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self._users = {str(user.public_id): user for user in candidates}
        self.fields["user"].choices = [("", "—")] + [
            (public_id, f"{user} ({user.username})") for public_id, user in self._users.items()
        ]

    def clean_user(self):
        return self._users[self.cleaned_data["user"]]
