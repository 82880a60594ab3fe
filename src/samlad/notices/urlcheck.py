"""Where Samlad may send webhooks and fetch feeds from: HTTPS URLs of public hosts only. A URL
that is not https, or whose host resolves to a loopback, private, link-local or otherwise
non-public address, is refused, so nobody can point Samlad at the inside of its own network.
Test settings turn this off (SAMLAD_WEBHOOKS_ALLOW_PRIVATE) to reach local test servers."""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def allow_private() -> bool:
    return bool(getattr(settings, "SAMLAD_WEBHOOKS_ALLOW_PRIVATE", False))


def _addresses(host: str) -> list[ipaddress._BaseAddress]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as error:
        raise ValidationError(
            _("The host %(host)s could not be found."), params={"host": host}, code="unresolved"
        ) from error
    return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]


def _is_public(address) -> bool:
    if getattr(address, "ipv4_mapped", None):
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


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
        if not _is_public(address):
            raise ValidationError(
                _(
                    "The URL points at %(address)s, a loopback, private or link-local address; "
                    "only public addresses are allowed."
                ),
                params={"address": address},
                code="private",
            )
    return url.strip()
