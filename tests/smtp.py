"""A real SMTP server for tests (aiosmtpd on a free local port) that keeps what it receives.

    from smtp import smtp_server          # a pytest fixture; re-export it in your conftest.py

    def test_something(smtp_server, client):
        ...                                # Django's SMTP backend now talks to smtp_server
        message = smtp_server.wait_for(1)[0]   # email.message.EmailMessage
        message["To"], message.get_content()

`LocalSMTPServer` can also be used on its own as a context manager. The fixture points
Django's EMAIL_* settings at the server for the duration of the test."""

import email
import email.policy
import socket
import threading
import time
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (at the moment of asking)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Collector:
    def __init__(self):
        self.envelopes = []
        self.refused: dict[str, str] = {}  # address -> the answer to its RCPT TO
        self.arrived = threading.Condition()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return self.refused[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's hook name
        with self.arrived:
            self.envelopes.append(envelope)
            self.arrived.notify_all()
        return "250 Message accepted for delivery"


class LocalSMTPServer:
    """An SMTP server on 127.0.0.1 that accepts every message and keeps it."""

    def __init__(self):
        self.host = "127.0.0.1"
        self.port = free_port()
        self._collector = _Collector()
        self._controller = Controller(self._collector, hostname=self.host, port=self.port)

    def __enter__(self) -> "LocalSMTPServer":
        self._controller.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._controller.stop()

    @property
    def messages(self) -> list[EmailMessage]:
        """Every message received so far, parsed."""
        return [
            email.message_from_bytes(
                envelope.original_content or envelope.content, policy=email.policy.default
            )
            for envelope in list(self._collector.envelopes)
        ]

    def refuse(self, address: str, answer: str = "550 5.1.1 No such mailbox") -> None:
        """Answer RCPT TO for this address with `answer` from now on."""
        self._collector.refused[address] = answer

    @property
    def recipients(self) -> list[list[str]]:
        """The envelope recipients of each message received so far."""
        return [list(envelope.rcpt_tos) for envelope in list(self._collector.envelopes)]

    def wait_for(self, count: int, timeout: float = 5.0) -> list[EmailMessage]:
        """Wait until at least `count` messages have arrived; returns all of them."""
        deadline = time.monotonic() + timeout
        with self._collector.arrived:
            while len(self._collector.envelopes) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"expected {count} e-mail(s), got {len(self._collector.envelopes)}"
                    )
                self._collector.arrived.wait(left)
        return self.messages

    def settings(self) -> dict:
        """Django settings that send through this server with the SMTP backend."""
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": self.host,
            "EMAIL_PORT": self.port,
            "EMAIL_HOST_USER": "",
            "EMAIL_HOST_PASSWORD": "",
            "EMAIL_USE_TLS": False,
            "EMAIL_USE_SSL": False,
            "EMAIL_TIMEOUT": 5,
        }


@pytest.fixture
def smtp_server():
    """A running LocalSMTPServer, with Django's e-mail settings pointing at it."""
    with LocalSMTPServer() as server, override_settings(**server.settings()):
        yield server
