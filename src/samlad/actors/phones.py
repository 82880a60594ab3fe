"""Phone numbers are validated with `phonenumbers` and stored as E.164 (+46…)."""

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def to_e164(raw, *, field: str | None = None, strict: bool = True) -> str:
    """Parse a number as people write it (070-123 45 67, +46 8 …) and return E.164. Not a valid
    number: a ValidationError (for `field`, if named); with strict=False (an address on its way to
    an SMS provider, which gives the reason it refuses it) the number as far as it could be read,
    or as given."""
    text = str(raw or "").strip()
    try:
        number = phonenumbers.parse(text, settings.PHONENUMBER_DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        number = None
    if not strict and number is None:
        return text
    if strict and (number is None or not phonenumbers.is_valid_number(number)):
        message = _("“%(value)s” is not a valid phone number.") % {"value": text}
        raise ValidationError({field: message} if field else message)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def for_display(e164: str) -> str:
    """Show a stored number the way Swedes read it: national format for Swedish numbers."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code == 46:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
