"""Helpers for the notices tests: CAP validation against OASIS's schema (carried in tests/data/
with its copyright line), the test alerts, a local feed server, and reading the outbox."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from lxml import etree

from samlad.notify.models import Delivery

DATA = Path(__file__).resolve().parent.parent / "data"
CAP_NS = {"cap": "urn:oasis:names:tc:emergency:cap:1.2"}
_schema = None


def cap_schema() -> etree.XMLSchema:
    global _schema
    if _schema is None:
        _schema = etree.XMLSchema(etree.parse(str(DATA / "CAP-v1.2.xsd")))
    return _schema


def valid_cap(xml: str | bytes):
    """The alert parsed, after asserting it is valid CAP 1.2 (the schema's own words if not)."""
    data = xml.encode() if isinstance(xml, str) else xml
    document = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    schema = cap_schema()
    assert schema.validate(document), schema.error_log
    return document


def cap_text(document, path: str) -> list[str]:
    return [element.text for element in document.findall(path, CAP_NS)]


def cap_alert(name: str) -> bytes:
    return (DATA / "cap" / name).read_bytes()


def deliveries(notice, *, version: int | None = None):
    rows = Delivery.objects.filter(topic=f"notice:{notice.public_id}")
    if version is not None:
        rows = rows.filter(idempotency_key__contains=f":v{version}:")
    return rows


def reached(notice, *, channel: str, version: int | None = None) -> set[str]:
    """The usernames a notice's version reached on `channel`."""
    return set(
        deliveries(notice, version=version)
        .filter(channel=channel)
        .values_list("recipient_user__username", flat=True)
    )


class FeedServer:
    """A local HTTP server serving `documents` (path -> bytes); 404 for anything else."""

    def __init__(self):
        self.documents: dict[str, bytes] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                body = server.documents.get(self.path)
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", "application/xml")
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def feed(self, *paths: str) -> None:
        """An Atom feed (newest first, as SMHI's) linking to the alerts at `paths`."""
        entries = "".join(
            f"<entry><id>urn:smhi:{path}</id><title>Varning</title>"
            f"<updated>2026-01-14T06:00:00+01:00</updated>"
            f'<link rel="alternate" type="application/cap+xml" href="{self.url}{path}"/></entry>'
            for path in reversed(paths)
        )
        self.documents["/feed.atom"] = (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<id>urn:smhi:warnings</id><title>SMHI varningar</title>"
            f"<updated>2026-01-14T06:00:00+01:00</updated>{entries}</feed>"
        ).encode()
