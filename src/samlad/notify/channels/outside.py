"""Calling addresses that outsiders chose (webhooks): only public hosts, checked at every
connection, not only when the address was registered.

A host name can resolve to a public address when a webhook is registered and to an internal one
when it is called (DNS rebinding). So the check is made where the connection is made: the HTTP
client's network backend resolves the name, refuses the connection if any address it resolves to
is loopback, private, link-local or otherwise not public, and connects to one of the addresses it
checked, never resolving the name a second time. TLS still verifies the certificate for the name
(SNI and the Host header are the name's: the connection pool knows only the name).

SAMLAD_WEBHOOKS_ALLOW_PRIVATE turns the check off, for local test servers only. The same rules
check a URL when it is registered (samlad.notices.urlcheck)."""

import ipaddress
import socket
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx
from django.conf import settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class RefusedAddress(Exception):
    """The host resolves to an address Samlad does not call, or cannot be resolved."""


def allow_private() -> bool:
    return bool(getattr(settings, "SAMLAD_WEBHOOKS_ALLOW_PRIVATE", False))


def is_public(address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def resolve(host: str, port: int | None = None) -> list[IPAddress]:
    """The addresses `host` stands for (itself when it is one), in the resolver's order."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    found: list[IPAddress] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if address not in found:
            found.append(address)
    return found


def checked_addresses(host: str, port: int | None = None) -> list[IPAddress]:
    """The addresses of `host`, every one of them public; else RefusedAddress."""
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError) as error:
        raise RefusedAddress(f"the host {host} could not be found") from error
    if not addresses:
        raise RefusedAddress(f"the host {host} could not be found")
    if not allow_private():
        for address in addresses:
            if not is_public(address):
                raise RefusedAddress(f"{host} resolves to {address}, which is not a public address")
    return addresses


class CheckedBackend(httpcore.NetworkBackend):
    """httpcore's own socket backend, connecting only to checked addresses."""

    def __init__(self) -> None:
        self._sockets = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        error: Exception | None = None
        for address in checked_addresses(host, port):
            try:
                return self._sockets.connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as failed:
                error = failed
        raise error or RefusedAddress(f"the host {host} could not be found")

    def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        raise RefusedAddress("Unix sockets are not called")

    def sleep(self, seconds: float) -> None:
        self._sockets.sleep(seconds)


class CheckedTransport(httpx.HTTPTransport):
    """httpx's transport over the checked backend. httpx does not take a network backend, so the
    pool it sends through is built here, as httpx builds it, with one (and no proxy from the
    environment: through a proxy only the proxy's address could be checked)."""

    def __init__(self, *, limits: httpx.Limits) -> None:
        super().__init__(limits=limits, trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=CheckedBackend(),
        )
