"""A notice version as a CAP 1.2 alert: status Actual or Exercise, msgType Alert, Update or Cancel
with references to every earlier version, scope Public or Restricted with the named actors, an
info block in Swedish and one in English where the notice has English text, and the area as
municipality names with their official municipality codes (kommunkod) as geocodes."""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from lxml import etree

from samlad.notices.cap import NS
from samlad.notices.cap.times import cap_time

COUNTY = ("Stockholms län", "01")
EXERCISE = {"sv-SE": "ÖVNING", "en-US": "EXERCISE"}
WITHDRAWN = {"sv-SE": "Återkallad", "en-US": "Withdrawn"}
CORRECTED = {"sv-SE": "Rättelse", "en-US": "Correction"}


def cap_sender() -> str:
    """Samlad's CAP sender id: a setting, else samlad@<the site's host>."""
    configured = getattr(settings, "SAMLAD_CAP_SENDER", "")
    return configured or f"samlad@{urlsplit(settings.SITE_URL).hostname or 'localhost'}"


def cap_identifier(notice, number: int) -> str:
    return f"samlad.notice.{notice.public_id}.{number}"


@dataclass(frozen=True)
class Message:
    """The envelope of one CAP message about a notice."""

    identifier: str
    sender: str
    sent_at: datetime
    msg_type: str
    references: tuple[str, ...] = ()
    note: str = ""


def _sub(parent, name: str, text=None):
    element = etree.SubElement(parent, f"{{{NS}}}{name}")
    if text is not None:
        element.text = str(text)
    return element


def _marked(text: str, language: str, notice, message: Message) -> str:
    if message.msg_type == "Cancel":
        text = f"{WITHDRAWN[language]}: {text}"
    elif message.msg_type == "Update":
        text = f"{CORRECTED[language]}: {text}"
    if notice.is_exercise:
        text = f"{EXERCISE[language]}: {text}"
    return text


def _areas(info, notice) -> None:
    municipalities = [m for m in notice.municipalities.all() if m.municipality_code]
    if not municipalities:
        area = _sub(info, "area")
        _sub(area, "areaDesc", notice.area_description or COUNTY[0])
        geocode = _sub(area, "geocode")
        _sub(geocode, "valueName", "Länskod")
        _sub(geocode, "value", COUNTY[1])
        return
    for municipality in sorted(municipalities, key=lambda m: m.municipality_code):
        area = _sub(info, "area")
        _sub(area, "areaDesc", municipality.name)
        geocode = _sub(area, "geocode")
        _sub(geocode, "valueName", "Kommunkod")
        _sub(geocode, "value", municipality.municipality_code)


def _info(alert, notice, message: Message, *, language: str, headline: str, text: str) -> None:
    info = _sub(alert, "info")
    _sub(info, "language", language)
    _sub(info, "category", notice.category.cap_category)
    english = language == "en-US"
    _sub(info, "event", notice.category.name_en if english else notice.category.name_sv)
    _sub(info, "urgency", notice.urgency)
    _sub(info, "severity", notice.severity)
    _sub(info, "certainty", notice.certainty)
    if notice.valid_from:
        _sub(info, "effective", cap_time(notice.valid_from))
    if notice.valid_until:
        _sub(info, "expires", cap_time(notice.valid_until))
    _sub(info, "senderName", notice.external_sender_name or notice.owner_actor.name)
    _sub(info, "headline", _marked(headline, language, notice, message))
    _sub(info, "description", text)
    if notice.instruction and not english:
        _sub(info, "instruction", notice.instruction)
    path = reverse("notices:detail", args=[notice.public_id])
    _sub(info, "web", f"{settings.SITE_URL}{path}")
    _areas(info, notice)


def alert_element(notice, message: Message):
    """The <alert> element of `message` about `notice` as it stands now."""
    alert = etree.Element(f"{{{NS}}}alert", nsmap={None: NS})
    _sub(alert, "identifier", message.identifier)
    _sub(alert, "sender", message.sender)
    _sub(alert, "sent", cap_time(message.sent_at))
    _sub(alert, "status", "Exercise" if notice.is_exercise else "Actual")
    _sub(alert, "msgType", message.msg_type)
    _sub(alert, "source", notice.owner_actor.name)
    if notice.classification == "open":
        _sub(alert, "scope", "Public")
    else:
        _sub(alert, "scope", "Restricted")
        names = sorted({notice.owner_actor.name, *(a.name for a in notice.shared_with.all())})
        _sub(alert, "restriction", "Endast för aktörerna: " + ", ".join(names))
    _sub(alert, "code", "Samlad informationsunderrättelse")
    if message.note:
        _sub(alert, "note", message.note)
    if message.references:
        _sub(alert, "references", " ".join(message.references))
    _sub(alert, "incidents", str(notice.public_id))
    _info(alert, notice, message, language="sv-SE", headline=notice.headline, text=notice.text)
    if notice.headline_en or notice.text_en:
        _info(
            alert,
            notice,
            message,
            language="en-US",
            headline=notice.headline_en or notice.headline,
            text=notice.text_en or notice.text,
        )
    return alert


def alert_xml(notice, message: Message) -> str:
    return etree.tostring(
        alert_element(notice, message), xml_declaration=True, encoding="UTF-8", pretty_print=True
    ).decode("utf-8")
