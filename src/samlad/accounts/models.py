"""User accounts. Every user belongs to one actor; rights follow the functions they staff."""

import uuid
from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField


class User(AbstractUser):
    """A person's account. `is_superuser` marks a platform administrator (samordningskansliet)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    actor = models.ForeignKey(
        "actors.Actor",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        verbose_name=_("actor"),
    )
    title = models.CharField(_("job title"), max_length=150, blank=True)
    phone = PhoneNumberField(_("mobile phone"), blank=True)
    can_read_confidential = models.BooleanField(
        _("may read confidential information"),
        default=False,
        help_text=_("Granted by the actor's permission administrator."),
    )
    # Not implied by platform administration: whoever manages accounts and rights should not be
    # the one who audits their use (separation of duties).
    is_security_officer = models.BooleanField(
        _("security officer / registrar"),
        default=False,
        help_text=_(
            "May read the audit logs (reads of confidential records and changes). "
            "Granted by a platform administrator."
        ),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_platform_admin(self) -> bool:
        return self.is_superuser

    @cached_property
    def function_kinds(self) -> frozenset[str]:
        """The kinds of function this user staffs for their own actor."""
        if self.pk is None or self.actor_id is None:
            return frozenset()
        return frozenset(
            self.function_assignments.filter(function__actor_id=self.actor_id).values_list(
                "function__kind", flat=True
            )
        )

    @property
    def is_permission_admin(self) -> bool:
        from samlad.actors.models import FunctionKind

        return FunctionKind.PERMISSION_ADMIN in self.function_kinds

    @property
    def is_administrator(self) -> bool:
        """Administrators must use two-factor authentication outside demo mode."""
        return self.is_platform_admin or self.is_permission_admin
