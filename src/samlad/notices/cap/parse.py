"""Reading a CAP 1.2 alert that came from outside, safely: size-capped, refused outright if it
has a DTD or entities (billion laughs, external entities; defusedxml), then parsed by lxml with
entities, network and DTDs off, and checked against the CAP 1.2 schema. Every refusal says why."""

from dataclasses import dataclass, field
from datetime import datetime
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring
from django.utils.translation import gettext as _
from lxml import etree

from samlad.notices.cap import NS
from samlad.notices.cap.schema import schema_errors
from samlad.notices.cap.times import parse_cap_time

MAX_BYTES = 1_000_000
ATOM = "http://www.w3.org/2005/Atom"
_N = {"cap": NS}


class ImportRefused(Exception):
    """The alert cannot be imported; `reason` says why, `status` is the HTTP status to answer."""

    def __init__(self, reason: str, *, status: int = 422):
        super().__init__(reason)
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class Area:
    description: str
    geocodes: tuple[tuple[str, str], ...]
    # Each polygon as a GeoJSON ring: [longitude, latitude] positions, first equal to last.
    polygons: tuple[tuple[tuple[float, float], ...], ...] = ()


@dataclass(frozen=True)
class Info:
    language: str
    categories: tuple[str, ...]
    event: str
    urgency: str
    severity: str
    certainty: str
    effective: datetime | None
    onset: datetime | None
    expires: datetime | None
    sender_name: str
    headline: str
    description: str
    instruction: str
    areas: tuple[Area, ...]


@dataclass(frozen=True)
class Reference:
    sender: str
    identifier: str
    sent: str


@dataclass(frozen=True)
class Alert:
    identifier: str
    sender: str
    sent: datetime
    status: str
    msg_type: str
    scope: str
    restriction: str
    note: str
    references: tuple[Reference, ...]
    infos: tuple[Info, ...] = field(default=())
    xml: str = ""

    def info(self, *languages: str) -> Info | None:
        """The first info block in one of `languages` (by prefix, e.g. "sv"), else None."""
        for info in self.infos:
            if any(info.language.lower().startswith(lang) for lang in languages):
                return info
        return None


def safe_tree(data: bytes):
    """The XML document in `data`, parsed without any of XML's dangerous features."""
    if len(data) > MAX_BYTES:
        raise ImportRefused(
            _("The document is larger than %(limit)s bytes.") % {"limit": MAX_BYTES}, status=413
        )
    try:
        defused_fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise ImportRefused(
            _("The document declares a DTD or entities, which are refused (%(kind)s).")
            % {"kind": type(error).__name__},
            status=400,
        ) from error
    except (ParseError, ValueError, TypeError) as error:
        raise ImportRefused(
            _("The document is not well-formed XML: %(error)s") % {"error": error}, status=400
        ) from error
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as error:
        raise ImportRefused(
            _("The document is not well-formed XML: %(error)s") % {"error": error}, status=400
        ) from error


def _text(element, path: str) -> str:
    found = element.find(path, _N)
    return (found.text or "").strip() if found is not None else ""


def _references(text: str) -> tuple[Reference, ...]:
    references = []
    for item in text.split():
        parts = item.split(",")
        if len(parts) != 3:
            raise ImportRefused(
                _("The reference %(reference)s is not of the form sender,identifier,sent.")
                % {"reference": item}
            )
        references.append(Reference(*parts))
    return tuple(references)


def _polygon(text: str) -> tuple[tuple[float, float], ...]:
    """A CAP polygon ("lat,lon lat,lon …", closed, at least four pairs) as a GeoJSON ring."""
    try:
        pairs = [tuple(float(n) for n in pair.split(",")) for pair in text.split()]
        ring = tuple((lon, lat) for lat, lon in pairs)
    except ValueError:
        ring = ()
    if (
        len(ring) < 4
        or ring[0] != ring[-1]
        or not all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in ring)
    ):
        raise ImportRefused(
            _(
                "The polygon %(polygon)s is not four or more latitude,longitude pairs "
                "that end where they start."
            )
            % {"polygon": text[:80]}
        )
    return ring


def _area(element) -> Area:
    geocodes = tuple(
        (_text(code, "cap:valueName"), _text(code, "cap:value"))
        for code in element.findall("cap:geocode", _N)
    )
    polygons = tuple(_polygon(polygon.text or "") for polygon in element.findall("cap:polygon", _N))
    return Area(_text(element, "cap:areaDesc"), geocodes, polygons)


def _info(element) -> Info:
    return Info(
        language=_text(element, "cap:language") or "en-US",
        categories=tuple(c.text.strip() for c in element.findall("cap:category", _N)),
        event=_text(element, "cap:event"),
        urgency=_text(element, "cap:urgency"),
        severity=_text(element, "cap:severity"),
        certainty=_text(element, "cap:certainty"),
        effective=parse_cap_time(_text(element, "cap:effective")),
        onset=parse_cap_time(_text(element, "cap:onset")),
        expires=parse_cap_time(_text(element, "cap:expires")),
        sender_name=_text(element, "cap:senderName"),
        headline=_text(element, "cap:headline"),
        description=_text(element, "cap:description"),
        instruction=_text(element, "cap:instruction"),
        areas=tuple(_area(area) for area in element.findall("cap:area", _N)),
    )


def alert_from_element(root) -> Alert:
    """An <alert> element, checked against the schema, as plain data."""
    if root.tag != f"{{{NS}}}alert":
        raise ImportRefused(
            _("This is not a CAP 1.2 alert (the document's root is %(tag)s).") % {"tag": root.tag}
        )
    problems = schema_errors(etree.ElementTree(root))
    if problems:
        raise ImportRefused(
            _("The alert does not follow the CAP 1.2 schema: %(problems)s")
            % {"problems": "; ".join(problems[:5])}
        )
    return Alert(
        identifier=_text(root, "cap:identifier"),
        sender=_text(root, "cap:sender"),
        sent=parse_cap_time(_text(root, "cap:sent")),
        status=_text(root, "cap:status"),
        msg_type=_text(root, "cap:msgType"),
        scope=_text(root, "cap:scope"),
        restriction=_text(root, "cap:restriction"),
        note=_text(root, "cap:note"),
        references=_references(_text(root, "cap:references")),
        infos=tuple(_info(info) for info in root.findall("cap:info", _N)),
        xml=etree.tostring(root, encoding="unicode"),
    )


def parse_alert(data: bytes) -> Alert:
    """A CAP 1.2 alert from outside, or ImportRefused saying what is wrong with it."""
    return alert_from_element(safe_tree(data))
