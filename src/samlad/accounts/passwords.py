"""Passwords: the shared demo password exists only in demo mode, and a user's own password
changes are logged."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from samlad.core import log

DEMO_PASSWORD = "samlad-demo"  # public by design, refused outside demo mode


def is_demo_password(password: str | None) -> bool:
    return password == DEMO_PASSWORD


class DemoPasswordValidator:
    """Refuses the demo password as anyone's real password outside demo mode."""

    def validate(self, password, user=None):
        if is_demo_password(password) and not settings.DEMO_MODE:
            raise ValidationError(_("This password is for the demo only."), code="demo_password")

    def get_help_text(self):
        return _("The demo password cannot be used.")


def record_password_change(*, user, reset: bool) -> None:
    """Append the change of a user's own password (changed, or set from a reset link) to the log."""
    log.record(
        by=user,
        action="user.password_reset" if reset else "user.password_changed",
        target=user,
        summary=user.username,
    )
