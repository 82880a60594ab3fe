"""Helpers for the notices tests: CAP validation against OASIS's schema (carried in tests/data/
with its copyright line), the test alerts, and reading the outbox."""

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
