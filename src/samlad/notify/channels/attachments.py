"""E-mail attachments as the outbox stores them: {"filename", "content_type", "content"} (text)
or "content_base64" (binary). A content type may carry parameters, as an iCalendar invite does:
"text/calendar; method=REQUEST"."""

import base64
from email import encoders
from email.mime.base import MIMEBase
from email.mime.text import MIMEText
from typing import Any


def mime_part(attachment: dict[str, Any]) -> MIMEBase:
    """One attachment as a MIME part, with its parameters kept."""
    maintype, subtype, params = _parse_type(attachment.get("content_type", ""))
    payload: bytes | str
    if "content_base64" in attachment:
        payload = base64.b64decode(attachment["content_base64"])
    else:
        payload = attachment.get("content", "")
    if maintype == "text":
        text = payload.decode() if isinstance(payload, bytes) else payload
        part: MIMEBase = MIMEText(text, subtype, "utf-8")
    else:
        part = MIMEBase(maintype, subtype)
        part.set_payload(payload.encode() if isinstance(payload, str) else payload)
        encoders.encode_base64(part)
    for name, value in params:
        if name != "charset":
            part.set_param(name, value)
    filename = attachment.get("filename")
    if filename:
        part.add_header("Content-Disposition", "attachment", filename=filename)
    return part


def _parse_type(content_type: str) -> tuple[str, str, list[tuple[str, str]]]:
    head, *rest = [piece.strip() for piece in (content_type or "").split(";")]
    maintype, _, subtype = (head or "application/octet-stream").partition("/")
    params = []
    for piece in rest:
        name, _, value = piece.partition("=")
        if name:
            params.append((name.strip().lower(), value.strip().strip('"')))
    return maintype.lower(), (subtype or "octet-stream").lower(), params
