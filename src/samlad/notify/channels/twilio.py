"""Twilio: POST {base}/2010-04-01/Accounts/{sid}/Messages.json with basic auth (account sid and
auth token) and the form fields To, From, Body; GET the same URL with ?To=… lists what was sent."""

from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
from django.conf import settings

from samlad.notify.channels import http
from samlad.notify.channels.base import SendError
from samlad.notify.channels.sms import same_text

MAX_PAGES = 10


class Twilio:
    name = "twilio"

    def __init__(self, *, concurrency: int):
        self.concurrency = concurrency
        self.base = settings.TWILIO_API_URL.rstrip("/")
        sid = settings.TWILIO_ACCOUNT_SID
        self.messages_url = f"{self.base}/2010-04-01/Accounts/{sid}/Messages.json"
        self.sender_id = settings.TWILIO_FROM
        self.http = http.client(concurrency=concurrency, auth=(sid, settings.TWILIO_AUTH_TOKEN))

    def send(self, *, to: str, text: str) -> str:
        form = {"To": to, "From": self.sender_id, "Body": text}
        if settings.NOTIFY_STATUS_CALLBACKS:
            form["StatusCallback"] = f"{settings.SITE_URL}/api/v1/notify/sms/twilio/status/"
        response = http.call(self.http, "POST", self.messages_url, data=form)
        sid = _json(response).get("sid")
        if not sid:
            raise SendError(f"Twilio answered without a sid: {response.text[:200]}", uncertain=True)
        return str(sid)

    def find_accepted(self, *, to: str, text: str, since: datetime) -> str | None:
        url = self.messages_url
        params: dict[str, object] | None = {"To": to, "PageSize": 100}
        earliest = since - timedelta(minutes=5)
        for _page in range(MAX_PAGES):
            page = _json(http.call(self.http, "GET", url, params=params))
            for message in page.get("messages", []):
                if _matches(message, to=to, text=text, earliest=earliest):
                    found = message.get("sid")
                    return None if found is None else str(found)
            next_uri = page.get("next_page_uri")
            if not next_uri:
                return None
            url, params = f"{self.base}{next_uri}", None
        return None

    def close(self) -> None:
        self.http.close()


def _matches(message: dict[str, Any], *, to: str, text: str, earliest: datetime) -> bool:
    if message.get("to") != to or not same_text(message.get("body", ""), text):
        return False
    if not str(message.get("direction", "outbound")).startswith("outbound"):
        return False
    try:
        created = parsedate_to_datetime(message.get("date_created") or "")
    except (TypeError, ValueError):
        return True
    return created is None or created >= earliest


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError as error:
        raise SendError(f"Twilio answered with no JSON: {response.text[:200]}") from error
    return data if isinstance(data, dict) else {}
