"""46elks (https://46elks.se): POST {base}/a1/sms with basic auth and the form fields from, to,
message; GET {base}/a1/sms?to=… lists what was sent, newest first, 100 at a time."""

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from django.conf import settings

from samlad.notify.channels import http
from samlad.notify.channels.base import SendError
from samlad.notify.channels.sms import same_text

MAX_PAGES = 10


class Elks46:
    name = "46elks"

    def __init__(self, *, concurrency: int):
        self.concurrency = concurrency
        self.base = settings.ELKS46_API_URL.rstrip("/")
        self.sender_id = settings.ELKS46_FROM
        auth = (settings.ELKS46_USERNAME, settings.ELKS46_PASSWORD)
        self.http = http.client(concurrency=concurrency, auth=auth)

    def send(self, *, to: str, text: str) -> str:
        form = {"from": self.sender_id, "to": to, "message": text}
        if settings.NOTIFY_STATUS_CALLBACKS:
            form["whendelivered"] = status_callback_url()
        response = http.call(self.http, "POST", f"{self.base}/a1/sms", data=form)
        message_id = _json(response).get("id")
        if not message_id:
            raise SendError(f"46elks answered without an id: {response.text[:200]}", uncertain=True)
        return str(message_id)

    def find_accepted(self, *, to: str, text: str, since: datetime) -> str | None:
        params = {"to": to, "end": _elks_time(since - timedelta(minutes=5)), "limit": 100}
        for _page in range(MAX_PAGES):
            page = _json(http.call(self.http, "GET", f"{self.base}/a1/sms", params=params))
            for sms in page.get("data", []):
                outgoing = str(sms.get("direction", "outgoing")).startswith("outgoing")
                if outgoing and sms.get("to") == to and same_text(sms.get("message", ""), text):
                    found = sms.get("id")
                    return None if found is None else str(found)
            if not page.get("next"):
                return None
            params["start"] = page["next"]
        return None

    def close(self) -> None:
        self.http.close()


def status_callback_url() -> str:
    secret = settings.ELKS46_INBOUND_SECRET
    return f"{settings.SITE_URL}/api/v1/notify/sms/46elks/status/?secret={secret}"


def _elks_time(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError as error:
        raise SendError(f"46elks answered with no JSON: {response.text[:200]}") from error
    return data if isinstance(data, dict) else {}
