"""Slow clients against Samlad served by uvicorn, as in production: a client that sends its body a
byte at a time, or reads its answer slowly, must not keep other requests (here /healthz)
waiting behind the per-process cap on requests worked on at once."""

import contextlib
import json
import re
import socket
import threading
import time

import pytest
from django.core.asgi import get_asgi_application

from samlad.core.concurrency import limit_requests
from served import served

pytestmark = pytest.mark.django_db(transaction=True)


def samlad(*, max_body_bytes: int = 100_000, body_timeout: float = 30):
    """Samlad as asgi.py builds it: one request at a time per process."""
    return limit_requests(
        get_asgi_application(), limit=1, max_body_bytes=max_body_bytes, body_timeout=body_timeout
    )


class SlowSender(threading.Thread):
    """A client that posts a body of `size` bytes to the sign-in page, one byte every `pause`
    seconds, without signing in. What the server answered (if it did) is in `.answer`."""

    def __init__(self, port: int, *, size: int = 100_000, pause: float = 0.05):
        super().__init__(daemon=True)
        self.port, self.size, self.pause = port, size, pause
        self.stop = threading.Event()
        self.answer = b""

    def run(self):
        with socket.create_connection(("127.0.0.1", self.port)) as sock:
            sock.sendall(
                b"POST /konto/logga-in/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                b"Content-Length: %d\r\n\r\n" % self.size
            )
            sock.settimeout(self.pause)
            for _ in range(self.size):
                if self.stop.is_set():
                    return
                try:
                    sock.sendall(b"a")
                    self.answer += sock.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    return
                if self.answer:
                    self.answer = rest_of_answer(sock, self.answer)
                    return


def rest_of_answer(sock, answer: bytes) -> bytes:
    """Read on until the answer's head and its Content-Length of body have come (the server may
    send them in separate packets), the connection closes, or two seconds pass."""
    sock.settimeout(2)
    with contextlib.suppress(TimeoutError, ConnectionResetError):
        while not _complete(answer) and (chunk := sock.recv(65536)):
            answer += chunk
    return answer


def _complete(answer: bytes) -> bool:
    head, separator, body = answer.partition(b"\r\n\r\n")
    length = re.search(rb"content-length: *(\d+)", head.lower())
    return bool(separator) and length is not None and len(body) >= int(length.group(1))


def read_all(sock) -> bytes:
    answer = b""
    with contextlib.suppress(ConnectionResetError):
        while chunk := sock.recv(65536):
            answer += chunk
    return answer


def get(port: int, path: str, *, seconds: float) -> tuple[int, bytes]:
    """A plain GET; its status and body, or TimeoutError when no answer came within `seconds`."""
    with socket.create_connection(("127.0.0.1", port), timeout=seconds) as sock:
        sock.sendall(
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
        )
        answer = read_all(sock)
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def test_health_answers_promptly_while_two_clients_send_their_bodies_a_byte_at_a_time():
    with served(samlad()) as port:
        senders = [SlowSender(port), SlowSender(port)]
        for sender in senders:
            sender.start()
        time.sleep(0.5)  # both are in the middle of their bodies
        try:
            started = time.monotonic()
            status, _ = get(port, "/healthz", seconds=5)
            took = time.monotonic() - started
        finally:
            for sender in senders:
                sender.stop.set()
                sender.join(timeout=5)
    assert status in (200, 503)  # answered (503: no worker runs in this test)
    assert took < 2
    assert all(sender.answer == b"" for sender in senders)  # still sending, not answered


def test_a_client_too_slow_with_its_body_is_answered_408_as_a_problem_document():
    with served(samlad(body_timeout=1)) as port:
        sender = SlowSender(port, size=1000, pause=0.1)
        sender.start()
        sender.join(timeout=5)
        sender.stop.set()
    head, _, body = sender.answer.partition(b"\r\n\r\n")
    assert head.split()[1] == b"408"
    assert b"content-type: application/problem+json" in head.lower()
    assert json.loads(body)["status"] == 408


def test_a_body_larger_than_the_limit_is_refused_413_before_it_is_read():
    with (
        served(samlad(max_body_bytes=1000)) as port,
        socket.create_connection(("127.0.0.1", port), timeout=5) as sock,
    ):
        sock.sendall(
            b"POST /konto/logga-in/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Length: 1000000000\r\n\r\n"
        )
        answer = read_all(sock)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.split()[1] == b"413"
    assert json.loads(body)["title"]


def test_a_body_sent_in_chunks_is_refused_413_once_it_passes_the_limit():
    with (
        served(samlad(max_body_bytes=1000)) as port,
        socket.create_connection(("127.0.0.1", port), timeout=5) as sock,
    ):
        sock.sendall(
            b"POST /konto/logga-in/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        for _ in range(3):
            sock.sendall(b"258\r\n" + b"a" * 600 + b"\r\n")
        answer = sock.recv(65536)
    assert answer.split()[1] == b"413"


def test_health_answers_promptly_while_a_client_does_not_read_a_large_answer():
    with served(samlad()) as port, socket.socket() as reader:
        reader.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        reader.connect(("127.0.0.1", port))
        # The OpenAPI schema is several hundred kilobytes; the reader never reads it.
        reader.sendall(b"GET /api/schema/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        reader.settimeout(60)
        reader.recv(1, socket.MSG_PEEK)  # the answer has started (the schema is made)
        time.sleep(0.5)  # and fills the buffers between server and reader
        started = time.monotonic()
        status, _ = get(port, "/healthz", seconds=5)
        took = time.monotonic() - started
    assert status in (200, 503)
    assert took < 2


def test_a_request_with_a_body_is_served_as_before():
    with (
        served(samlad()) as port,
        socket.create_connection(("127.0.0.1", port), timeout=5) as sock,
    ):
        sock.sendall(
            b"POST /konto/logga-in/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: 27\r\n\r\nusername=nobody&password=x"
            b"x"
        )
        answer = read_all(sock)
    # The form was read: without a CSRF token it is refused by Django, not by the cap.
    assert answer.split()[1] == b"403"
