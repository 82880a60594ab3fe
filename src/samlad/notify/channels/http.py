"""Shared HTTP plumbing for SMS providers and webhooks: one pooled httpx client per round, short
timeouts, and one reading of an HTTP answer into accepted / retry / give up."""

from typing import Any

import httpx
from django.conf import settings

from samlad.notify.channels.base import SendError
from samlad.notify.channels.outside import CheckedTransport

# Client errors that are worth another try; every other 4xx is final.
RETRYABLE_4XX = {408, 409, 425, 429}


def client(
    *, concurrency: int, auth: tuple[str, str] | None = None, outside: bool = False
) -> httpx.Client:
    """`outside`: the addresses are chosen by users (webhooks), so every connection is checked
    (samlad.notify.channels.outside)."""
    seconds = float(settings.NOTIFY_HTTP_TIMEOUT)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    return httpx.Client(
        auth=auth,
        timeout=httpx.Timeout(seconds, connect=min(seconds, 3.0)),
        limits=limits,
        follow_redirects=False,
        headers={"User-Agent": "Samlad"},
        transport=CheckedTransport(limits=limits) if outside else None,
        trust_env=not outside,
    )


def call(
    http: httpx.Client, method: str, url: str, *, error_body: bool = True, **kwargs: Any
) -> httpx.Response:
    """Make the request; a failure to get an answer becomes a SendError that says whether the
    request could have reached the server. `error_body`: whether the error quotes the start of
    the server's answer (a provider's reason; never a webhook receiver's, which its actor would
    be shown)."""
    try:
        response = http.request(method, url, **kwargs)
    except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as error:
        raise SendError(f"cannot connect: {error or type(error).__name__}") from error
    except httpx.HTTPError as error:
        raise SendError(f"no answer: {error or type(error).__name__}", uncertain=True) from error
    if response.is_success:
        return response
    status = response.status_code
    raise SendError(
        f"HTTP {status}: {response.text[:300]}" if error_body else f"HTTP {status}",
        permanent=400 <= status < 500 and status not in RETRYABLE_4XX,
    )
