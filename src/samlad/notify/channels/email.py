"""E-mail through Django's mail backend (EMAIL_* settings). Each sender thread keeps its own SMTP
connection open for the whole round, so a call-out of thousands reuses a few connections."""

import contextlib
import hashlib
import smtplib
import threading
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMessage, get_connection

from samlad.notify import conf
from samlad.notify.attempts import SendError
from samlad.notify.channels.attachments import mime_part
from samlad.notify.channels.base import Sender


def message_id(key: str) -> str:
    """The Message-ID of the delivery with this idempotency key: the same for every attempt, so
    a re-send after an interrupted attempt is recognisably the same message."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:40]
    return f"<{digest}@{message_id_domain()}>"


def message_id_domain() -> str:
    configured = conf.get("NOTIFY_MESSAGE_ID_DOMAIN")
    if configured:
        return configured
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return address.rpartition("@")[2] or "samlad.localhost"


def build_message(delivery) -> EmailMessage:
    """The e-mail for one delivery, attachments (e.g. an iCalendar invite) included."""
    subject = " ".join((delivery.subject or delivery.body.split("\n", 1)[0]).split())
    headers = {
        "Message-ID": message_id(delivery.idempotency_key),
        "Auto-Submitted": "auto-generated",
        **(delivery.headers or {}),
    }
    message = EmailMessage(
        subject=subject[:250],
        body=delivery.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[delivery.address],
        headers=headers,
    )
    for attachment in delivery.attachments or ():
        message.attach(mime_part(attachment))
    return message


class EmailSender(Sender):
    channel = "email"
    provider = "smtp"

    def __init__(self):
        self.concurrency = max(1, int(conf.get("NOTIFY_SMTP_CONNECTIONS")))
        self._local = threading.local()
        self._backends: list = []
        self._lock = threading.Lock()

    def send(self, delivery) -> str:
        message = build_message(delivery)
        backend = self._backend()
        try:
            backend.open()
        except (OSError, smtplib.SMTPException) as error:
            self._discard(backend)
            raise SendError(f"SMTP connection failed: {error}") from error
        try:
            backend.send_messages([message])
        except smtplib.SMTPRecipientsRefused as error:
            codes = [code for code, _text in error.recipients.values()]
            raise SendError(
                f"SMTP refused the recipient: {error.recipients}",
                permanent=all(code >= 500 for code in codes),
            ) from error
        except smtplib.SMTPResponseException as error:
            raise SendError(
                f"SMTP {error.smtp_code}: {error.smtp_error!r}", permanent=error.smtp_code >= 500
            ) from error
        except (OSError, smtplib.SMTPException) as error:
            # Cut off mid-conversation: the server may or may not have taken the message.
            self._discard(backend)
            raise SendError(f"SMTP connection lost: {error}", uncertain=True) from error
        return message.extra_headers["Message-ID"]

    def _backend(self):
        backend = getattr(self._local, "backend", None)
        if backend is None:
            backend = get_connection(fail_silently=False)
            self._local.backend = backend
            with self._lock:
                self._backends.append(backend)
        return backend

    def _discard(self, backend) -> None:
        with contextlib.suppress(Exception):  # a broken connection is dropped either way
            backend.close()
        if hasattr(backend, "connection"):
            backend.connection = None

    def close(self) -> None:
        with self._lock:
            backends, self._backends = self._backends, []
        for backend in backends:
            self._discard(backend)
