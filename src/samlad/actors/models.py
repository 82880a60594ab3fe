"""Actors (aktörer), their functions (funktioner), who staffs them, and their contact points:
together the network's call-out list."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, validate_email
from django.db import models
from django.utils.translation import gettext_lazy as _

from samlad.actors.phones import to_e164
from samlad.core.models import Classified, PublicIdModel


class ActorKind(models.TextChoices):
    COUNTY_BOARD = "county_board", _("County administrative board")
    MUNICIPALITY = "municipality", _("Municipality")
    REGION = "region", _("Region")
    STATE_AGENCY = "state_agency", _("State agency")
    RESCUE_SERVICE = "rescue_service", _("Rescue service")
    COMPANY = "company", _("Company")
    OTHER = "other", _("Other organisation")


class MembershipKind(models.TextChoices):
    ORDINARY = "ordinary", _("Ordinary member")
    ASSOCIATED = "associated", _("Associated member")


class Actor(PublicIdModel):
    """An independent organisation of the network (aktör)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(
        _("short name"),
        max_length=40,
        unique=True,
        help_text=_("Used in user names, e.g. 'nacka' for nacka.kontakt."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ActorKind.choices)
    membership = models.CharField(
        _("membership"),
        max_length=12,
        choices=MembershipKind.choices,
        default=MembershipKind.ORDINARY,
    )
    designated = models.BooleanField(
        _("designated actor"),
        default=False,
        help_text=_("Designated actors staff the cooperation staff and host forums."),
    )
    municipality_code = models.CharField(
        _("municipality code"),
        max_length=4,
        blank=True,
        validators=[RegexValidator(r"^\d{4}$", _("A municipality code has four digits."))],
    )
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("actor")
        verbose_name_plural = _("actors")

    def __str__(self) -> str:
        return self.name


class FunctionKind(models.TextChoices):
    CONTACT = "contact", _("Contact function (24/7)")
    DIRECTING_REP = "directing_rep", _("Representative, directing level")
    COORDINATING_REP = "coordinating_rep", _("Representative, coordinating level")
    EXECUTIVE_REP = "executive_rep", _("Representative, executive level")
    COMMUNICATOR = "communicator", _("Communicator")
    PERMISSION_ADMIN = "permission_admin", _("Permission administrator")
    TIB = "tib", _("Duty officer (TiB)")
    RSIB = "rsib", _("Regional cooperation coordinator on duty (RSIB)")
    RKK = "rkk", _("Regional communication coordinator (RKK)")
    HEAD_OF_OFFICE = "head_of_office", _("Head of the coordination office")


# Functions only the county board staffs.
COUNTY_BOARD_FUNCTIONS = {
    FunctionKind.TIB,
    FunctionKind.RSIB,
    FunctionKind.RKK,
    FunctionKind.HEAD_OF_OFFICE,
}
# Every actor has these.
STANDARD_FUNCTIONS = [
    FunctionKind.CONTACT,
    FunctionKind.DIRECTING_REP,
    FunctionKind.COORDINATING_REP,
    FunctionKind.COMMUNICATOR,
    FunctionKind.PERMISSION_ADMIN,
]


class Function(PublicIdModel):
    """A role an actor keeps staffed (funktion): people are called by function, not by name."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="functions")
    kind = models.CharField(_("function"), max_length=20, choices=FunctionKind.choices)
    staffed_around_the_clock = models.BooleanField(_("staffed 24/7"), default=False)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["actor__name", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["actor", "kind"], name="one_function_kind_per_actor"),
        ]
        verbose_name = _("function")
        verbose_name_plural = _("functions")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.actor.name}"


class FunctionAssignment(models.Model):
    """Who staffs a function, in call-out order (1 first, then deputies)."""

    function = models.ForeignKey(Function, on_delete=models.CASCADE, related_name="assignments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="function_assignments"
    )
    position = models.PositiveSmallIntegerField(_("call-out order"), default=1)

    class Meta:
        ordering = ["function", "position", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["function", "user"], name="one_assignment_per_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.position}): {self.function}"


class ContactChannel(models.TextChoices):
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    RAKEL = "rakel", _("Rakel")


class ContactPoint(Classified, PublicIdModel):
    """A way to reach an actor or one of its functions, e.g. the 24/7 duty number.
    `owner_actor` is the actor reached."""

    function = models.ForeignKey(
        Function, null=True, blank=True, on_delete=models.CASCADE, related_name="contact_points"
    )
    channel = models.CharField(_("channel"), max_length=8, choices=ContactChannel.choices)
    value = models.CharField(_("number or address"), max_length=254)
    label = models.CharField(_("label"), max_length=120, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=1)

    class Meta:
        ordering = ["owner_actor__name", "position", "channel"]
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")

    def __str__(self) -> str:
        return f"{self.get_channel_display()}: {self.value}"

    def clean(self) -> None:
        if self.function_id and self.function.actor_id != self.owner_actor_id:
            raise ValidationError({"function": _("The function belongs to another actor.")})
        if self.channel == ContactChannel.PHONE:
            self.value = to_e164(self.value, field="value")
        elif self.channel == ContactChannel.EMAIL:
            self.value = self.value.strip().lower()
            try:
                validate_email(self.value)
            except ValidationError as exc:
                raise ValidationError({"value": _("Enter a valid e-mail address.")}) from exc
        if self.classification == "confidential" and not self.osl_reference.strip():
            raise ValidationError(
                {"osl_reference": _("Give the secrecy provision for confidential information.")}
            )
