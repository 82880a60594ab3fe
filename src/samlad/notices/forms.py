"""Forms of the notice pages. They parse and check the input; the services decide and write, and
their ValidationErrors are shown on the form."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from samlad.actors.models import Actor
from samlad.core.forms import ActorPickerForm, ActorsField, datetime_local, text_area
from samlad.notices import selectors
from samlad.notices.models import PreferenceChannel, RecipientTiming, Scope

CLASSIFICATIONS = [
    ("open", _("Open: every actor in the network")),
    ("restricted", _("Restricted: only the actors named")),
]


class CategoryField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name_en if get_language() == "en" else obj.name_sv


class CategoriesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name_en if get_language() == "en" else obj.name_sv


class NoticeContentForm(ActorPickerForm):
    """What a notice says; shared by publishing and correcting."""

    headline = forms.CharField(label=_("Headline"), max_length=200)
    text = text_area(_("Text"), required=True, rows=5)
    category = CategoryField(label=_("Category"), queryset=selectors.categories(), empty_label="—")
    event = forms.TypedChoiceField(label=_("Event"), required=False, coerce=str, empty_value=None)
    municipalities = ActorsField(
        label=_("Municipalities concerned"),
        help_text=_("Leave empty for the whole county, or the event's affected municipalities."),
    )
    valid_from = datetime_local(_("Valid from"))
    valid_until = datetime_local(_("Valid until"))
    headline_en = forms.CharField(label=_("Headline in English"), max_length=200, required=False)
    text_en = text_area(_("Text in English"))

    actor_fields = ("municipalities",)
    content_fields = [
        "headline",
        "text",
        "category",
        "event",
        "valid_from",
        "valid_until",
        "headline_en",
        "text_en",
    ]

    def __init__(self, *args, events=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.events = {str(event.public_id): event for event in events}
        self.fields["event"].choices = [("", "—")] + [
            (key, event.title) for key, event in self.events.items()
        ]
        self.fields["municipalities"].choices = [
            (actor.pk, actor.name)
            for actor in Actor.objects.filter(is_active=True)
            .exclude(municipality_code="")
            .order_by("name")
        ]

    def content_arguments(self) -> dict:
        data = self.cleaned_data
        arguments = {name: data[name] for name in self.content_fields}
        arguments["event"] = self.events.get(data["event"]) if data["event"] else None
        arguments["municipalities"] = [
            actor
            for actor in Actor.objects.filter(pk__in=data["municipalities"] or [])
            if actor.municipality_code
        ] or None
        return arguments


class NoticeForm(NoticeContentForm):
    classification = forms.ChoiceField(
        label=_("Classification"),
        choices=CLASSIFICATIONS,
        initial="open",
        widget=forms.RadioSelect,
    )
    shared_with = ActorsField(
        label=_("Restricted to (besides your own actor)"),
        help_text=_("Only users of these actors receive and see a restricted notice."),
    )
    is_exercise = forms.BooleanField(
        label=_("Exercise"),
        required=False,
        help_text=_("Everything about the notice is marked EXERCISE (ÖVNING)."),
    )

    actor_fields = ("municipalities", "shared_with")

    def service_arguments(self) -> dict:
        return self.content_arguments() | {
            "classification": self.cleaned_data["classification"],
            "shared_with": self.picked("shared_with"),
            "is_exercise": self.cleaned_data["is_exercise"],
        }


class CorrectionForm(NoticeContentForm):
    change_note = text_area(_("What changed"), required=True, rows=2)

    field_order = ["change_note"]

    @staticmethod
    def initial_for(notice) -> dict:
        return {
            "headline": notice.headline,
            "text": notice.text,
            "category": notice.category_id,
            "event": str(notice.event.public_id) if notice.event_id else "",
            "municipalities": [m.pk for m in notice.municipalities.all()],
            "valid_from": notice.valid_from,
            "valid_until": notice.valid_until,
            "headline_en": notice.headline_en,
            "text_en": notice.text_en,
        }

    def service_arguments(self) -> dict:
        arguments = self.content_arguments()
        arguments["municipalities"] = arguments["municipalities"] or []
        return arguments | {"change_note": self.cleaned_data["change_note"]}


class WithdrawForm(forms.Form):
    reason = text_area(_("Why it is withdrawn"), rows=2)


class FilterForm(forms.Form):
    kategori = forms.ChoiceField(label=_("Category"), required=False)
    aktor = forms.ChoiceField(label=_("Actor"), required=False)
    handelse = forms.ChoiceField(label=_("Event"), required=False)

    def __init__(self, *args, events=(), **kwargs):
        super().__init__(*args, **kwargs)
        english = get_language() == "en"
        self.fields["kategori"].choices = [("", _("All categories"))] + [
            (c.slug, c.name_en if english else c.name_sv) for c in selectors.categories()
        ]
        self.fields["aktor"].choices = [("", _("All actors"))] + list(
            Actor.objects.filter(is_active=True).values_list("slug", "name")
        )
        self.fields["handelse"].choices = [("", _("All events"))] + [
            (str(event.public_id), event.title) for event in events
        ]


class PreferenceForm(forms.Form):
    """One channel's setting; prefixed by the channel on the settings page."""

    enabled = forms.BooleanField(label=_("Receive notices"), required=False)
    all_categories = forms.BooleanField(label=_("All categories"), required=False, initial=True)
    categories = CategoriesField(
        label=_("Only these categories"),
        queryset=selectors.categories(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    scope = forms.ChoiceField(
        label=_("Which notices"), choices=Scope.choices, widget=forms.RadioSelect
    )
    timing = forms.ChoiceField(
        label=_("When"),
        choices=[
            (RecipientTiming.IMMEDIATE, _("At once")),
            (RecipientTiming.DIGEST, _("In a digest (once an hour)")),
        ],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, channel: str, **kwargs):
        super().__init__(*args, prefix=channel, **kwargs)
        self.channel = channel
        self.title = PreferenceChannel(channel).label

    @staticmethod
    def initial_for(preference) -> dict:
        return {
            "enabled": preference.enabled,
            "all_categories": preference.all_categories,
            "categories": list(preference.categories.all()) if preference.pk else [],
            "scope": preference.scope,
            "timing": preference.timing,
        }


class FollowForm(forms.Form):
    event = forms.ChoiceField(label=_("Follow an event"))

    def __init__(self, *args, events=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].choices = [(str(e.public_id), e.title) for e in events]


class WebhookForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    url = forms.CharField(
        label=_("URL"), max_length=500, help_text=_("An https:// address of your own system.")
    )
    send_notices = forms.BooleanField(label=_("Send notices"), required=False, initial=True)
    send_pictures = forms.BooleanField(
        label=_("Send consolidated picture versions"), required=False, initial=True
    )


class FeedTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=120, help_text=_("E.g. the system that reads the feed.")
    )


class CapUploadForm(forms.Form):
    file = forms.FileField(label=_("CAP 1.2 alert (XML file)"))
