"""The conference line a forum meets on, which an activation and a meeting take over or replace:
a bridge number and its PIN (and a Rakel talk group, which is not checked here)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from samlad.actors.phones import to_e164


def line_errors(record) -> dict:
    """The errors in `record`'s bridge number and PIN (a forum, an activation or a meeting), by
    field; a good bridge number is written back in E.164 form (+46…)."""
    errors = {}
    if record.bridge_number:
        try:
            record.bridge_number = to_e164(record.bridge_number)
        except ValidationError as error:
            errors["bridge_number"] = error.messages
    if record.bridge_pin and not record.bridge_pin.isdigit():
        errors["bridge_pin"] = _("The PIN is digits only.")
    return errors
