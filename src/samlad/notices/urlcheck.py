"""Where Samlad may send webhooks and fetch feeds from: HTTPS URLs of public hosts only. A URL
that is not https, or whose host resolves to a loopback, private, link-local or otherwise
non-public address, is refused, so nobody can point Samlad at the inside of its own network.
Test settings turn this off (SAMLAD_WEBHOOKS_ALLOW_PRIVATE) to reach local test servers. The
webhook sender checks the address again at every send (samlad.notify.channels.outside): the name
may resolve elsewhere by then."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from samlad.notify.channels.outside import allow_private, is_public, resolve


def _addresses(host: str) -> list:
    try:
        return resolve(host)
    except (OSError, UnicodeError) as error:
        raise ValidationError(
            _("The host %(host)s could not be found."), params={"host": host}, code="unresolved"
        ) from error


def check_outside_url(url: str) -> str:
    """`url` if Samlad may call it; else a ValidationError that says why."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValidationError(_("Enter an https:// URL."), code="scheme")
    if allow_private():
        return url.strip()
    if parts.scheme != "https":
        raise ValidationError(_("The URL must use HTTPS (https://)."), code="not_https")
    if parts.username or parts.password:
        raise ValidationError(_("The URL must not contain a user name or password."))
    for address in _addresses(parts.hostname):
        if not is_public(address):
            raise ValidationError(
                _(
                    "The URL points at %(address)s, a loopback, private or link-local address; "
                    "only public addresses are allowed."
                ),
                params={"address": address},
                code="private",
            )
    return url.strip()
