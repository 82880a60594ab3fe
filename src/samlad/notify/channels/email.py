"""E-mail through Django's mail backend (EMAIL_* settings). Each sender thread keeps its own SMTP
connection open for the whole round, so a call-out of thousands reuses a few connections.

One message to many: deliveries whose e-mails are identical (subject, body, attachments and
headers, including a Message-ID the caller chose, as a notice's e-mails are) go out as one SMTP
transaction with up to NOTIFY_SMTP_BATCH envelope recipients. The To header then names nobody
("undisclosed-recipients:;"); each recipient the server refuses is reported on its own."""

import contextlib
import hashlib
import json
import smtplib
import threading
from collections.abc import Iterator
from email.utils import parseaddr
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.message import sanitize_address

from samlad.notify.channels.attachments import mime_part
from samlad.notify.channels.base import Sender, SendError
from samlad.notify.models import Delivery

# Django's configured mail backend (SMTP's, whose `connection` a batch talks to directly); typed
# loosely, as get_connection() may give any backend.
Backend = Any


def message_id(key: str) -> str:
    """The Message-ID of the delivery with this idempotency key: the same for every attempt, so
    a re-send after an interrupted attempt is recognisably the same message."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:40]
    return f"<{digest}@{message_id_domain()}>"


def message_id_domain() -> str:
    configured = settings.NOTIFY_MESSAGE_ID_DOMAIN
    if configured:
        return configured
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return address.rpartition("@")[2] or "samlad.localhost"


UNDISCLOSED = "undisclosed-recipients:;"


def batch_key(delivery: Delivery) -> str | None:
    """Deliveries with the same key are the same e-mail and may share one SMTP transaction:
    those whose caller gave the Message-ID (one message to many). None: sent on its own."""
    headers = delivery.headers or {}
    if not headers.get("Message-ID") or delivery.channel != "email":
        return None
    content = [delivery.subject, delivery.body, headers, delivery.attachments or []]
    return json.dumps(content, sort_keys=True, ensure_ascii=False)


def build_message(delivery: Delivery, *, bcc: list[str] | None = None) -> EmailMessage:
    """The e-mail for one delivery, attachments (e.g. an iCalendar invite) included. With
    `bcc`, the same e-mail to all of those addresses, naming none of them."""
    subject = " ".join((delivery.subject or delivery.body.split("\n", 1)[0]).split())
    headers = {
        "Message-ID": message_id(delivery.idempotency_key),
        "Auto-Submitted": "auto-generated",
        **(delivery.headers or {}),
    }
    if bcc is not None:
        headers["To"] = UNDISCLOSED
    message = EmailMessage(
        subject=subject[:250],
        body=delivery.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[] if bcc is not None else [delivery.address],
        bcc=bcc or [],
        headers=headers,
    )
    for attachment in delivery.attachments or ():
        message.attach(mime_part(attachment))
    return message


class EmailSender(Sender):
    channel = "email"
    provider = "smtp"

    def __init__(self) -> None:
        self.concurrency = max(1, int(settings.NOTIFY_SMTP_CONNECTIONS))
        self.batch_size = max(1, int(settings.NOTIFY_SMTP_BATCH))
        self._local = threading.local()
        self._backends: list[Backend] = []
        self._lock = threading.Lock()

    def send(self, delivery: Delivery) -> str:
        message = build_message(delivery)
        with self._conversation() as backend:
            try:
                backend.send_messages([message])
            except smtplib.SMTPRecipientsRefused as error:
                codes = [code for code, _text in error.recipients.values()]
                raise SendError(
                    f"SMTP refused the recipient: {error.recipients}",
                    permanent=all(code >= 500 for code in codes),
                ) from error
        return str(message.extra_headers["Message-ID"])

    def batches(self, rows: list[Delivery]) -> list[list[Delivery]]:
        """The rows grouped into transactions: identical e-mails together (see batch_key), at
        most NOTIFY_SMTP_BATCH recipients each and no address twice; every other row alone."""
        size = self.batch_size
        groups: dict[str, list[list[Delivery]]] = {}
        alone: list[list[Delivery]] = []
        for row in rows:
            key = batch_key(row) if size > 1 else None
            if key is None:
                alone.append([row])
                continue
            batches = groups.setdefault(key, [])
            for batch in batches:
                if len(batch) < size and all(other.address != row.address for other in batch):
                    batch.append(row)
                    break
            else:
                batches.append([row])
        return [batch for batches in groups.values() for batch in batches] + alone

    def send_batch(self, rows: list[Delivery]) -> dict[int, str | SendError]:
        """Send one e-mail to every row's address in one transaction. Returns, by row id, the
        Message-ID for each recipient the server took, or a SendError for each it refused.
        Raises SendError when nobody got it (or it is unknown whether anybody did)."""
        addresses = [row.address for row in rows]
        message = build_message(rows[0], bcc=addresses)
        encoding = message.encoding or settings.DEFAULT_CHARSET
        envelope = {sanitize_address(address, encoding): address for address in addresses}
        with self._conversation() as backend:
            try:
                refused = backend.connection.sendmail(
                    sanitize_address(message.from_email, encoding),
                    list(envelope),
                    message.message().as_bytes(linesep="\r\n"),
                )
            except smtplib.SMTPRecipientsRefused as error:
                refused = error.recipients  # nobody took it: each row gets its own reason
        refused = {envelope.get(address, address): answer for address, answer in refused.items()}
        accepted = message.extra_headers["Message-ID"]
        return {
            row.id: _refusal(refused[row.address]) if row.address in refused else accepted
            for row in rows
        }

    @contextlib.contextmanager
    def _conversation(self) -> Iterator[Backend]:
        """This thread's open SMTP connection; what goes wrong on it becomes a SendError."""
        backend = self._backend()
        try:
            backend.open()
        except (OSError, smtplib.SMTPException) as error:
            self._discard(backend)
            raise SendError(f"SMTP connection failed: {error}") from error
        try:
            yield backend
        except smtplib.SMTPResponseException as error:
            raise SendError(
                f"SMTP {error.smtp_code}: {error.smtp_error!r}", permanent=error.smtp_code >= 500
            ) from error
        except (OSError, smtplib.SMTPException) as error:
            # Cut off mid-conversation: the server may or may not have taken the message.
            self._discard(backend)
            raise SendError(f"SMTP connection lost: {error}", uncertain=True) from error

    def _backend(self) -> Backend:
        backend = getattr(self._local, "backend", None)
        if backend is None:
            backend = get_connection(fail_silently=False)
            self._local.backend = backend
            with self._lock:
                self._backends.append(backend)
        return backend

    def _discard(self, backend: Backend) -> None:
        with contextlib.suppress(Exception):  # a broken connection is dropped either way
            backend.close()
        if hasattr(backend, "connection"):
            backend.connection = None

    def close(self) -> None:
        with self._lock:
            backends, self._backends = self._backends, []
        for backend in backends:
            self._discard(backend)


def _refusal(answer: tuple[int, bytes | str]) -> SendError:
    code, text = answer
    if isinstance(text, bytes):
        text = text.decode(errors="replace")
    return SendError(f"SMTP refused the recipient: {code} {text}", permanent=code >= 500)
