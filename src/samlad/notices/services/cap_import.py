"""CAP 1.2 alerts in: each alert becomes an external notice once per importer (its sender and
identifier deduplicate within what the importing actor, or feed source, imported before), an
Update or Cancel changes the notice its references name (only the importer's own, and only from
the original alert's sender), and the whole import is one transaction, so a refused alert leaves
nothing behind."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.actors.models import Actor
from samlad.core import access
from samlad.core.errors import NotPermitted
from samlad.notices.cap.parse import Alert, ImportRefused, Info, parse_alert
from samlad.notices.models import (
    Category,
    FeedSource,
    MessageType,
    Notice,
    NoticeRevision,
    NoticeStatus,
)
from samlad.notices.services import warnings
from samlad.notices.services.notices import add_revision, announce, snapshot

# The geocode value names an alert's area is read from (compared in lower case, without spaces).
# SMHI and Samlad's own CAP name municipalities "Kommunkod" (four digits, e.g. 0182) and the
# county "Länskod" (two digits, e.g. 01 for Stockholms län); ISO 3166-2 county codes (SE-AB)
# are read too. A county stands for all of its municipalities: theirs are the codes that begin
# with the county's.
MUNICIPALITY_CODE_NAMES = {"kommunkod", "municipality", "municipalitycode", "kommun"}
COUNTY_CODE_NAMES = {"länskod", "lanskod", "län", "lan", "county", "countycode"}
ISO_CODE_NAMES = {"iso3166-2", "iso3166"}
ISO_COUNTIES = {
    "SE-AB": "01",
    "SE-C": "03",
    "SE-D": "04",
    "SE-E": "05",
    "SE-F": "06",
    "SE-G": "07",
    "SE-H": "08",
    "SE-I": "09",
    "SE-K": "10",
    "SE-M": "12",
    "SE-N": "13",
    "SE-O": "14",
    "SE-S": "17",
    "SE-T": "18",
    "SE-U": "19",
    "SE-W": "20",
    "SE-X": "21",
    "SE-Y": "22",
    "SE-Z": "23",
    "SE-AC": "24",
    "SE-BD": "25",
}
STATUSES = {"Actual": False, "Exercise": True}


@dataclass(frozen=True)
class ImportResult:
    """What importing a CAP alert gave: the notice, its revision, and whether they are new."""

    notice: Notice
    revision: NoticeRevision
    created: bool  # False: this very alert was imported before


def import_cap(*, by: User | None = None, data: bytes, source=None) -> ImportResult:
    """Import one CAP alert sent by a user (upload, API) or fetched from a feed source."""
    if source is None and not access.is_network_member(by):
        raise NotPermitted(_("Only members of the network import alerts."))
    return import_alert(by=by, alert=parse_alert(data), source=source)


@transaction.atomic
def import_alert(*, by: User | None = None, alert: Alert, source=None) -> ImportResult:
    """Imports a parsed CAP alert as a new notice or a new version of the one it references; an
    alert imported before changes nothing.
    """
    if alert.status not in STATUSES:
        raise ImportRefused(
            _("Alerts with status %(status)s are not imported; only Actual and Exercise.")
            % {"status": alert.status}
        )
    _lock_importer(by, source)
    existing = (
        _own_revisions(by, source)
        .filter(cap_sender=alert.sender, cap_identifier=alert.identifier)
        .select_related("notice")
        .first()
    )
    if existing is not None:
        return ImportResult(existing.notice, existing, created=False)
    if alert.msg_type == MessageType.ALERT:
        return _new_notice(by=by, alert=alert, source=source)
    if alert.msg_type in (MessageType.UPDATE, MessageType.CANCEL):
        return _follow_up(by=by, alert=alert, source=source)
    raise ImportRefused(
        _("Messages of type %(type)s are not imported; only Alert, Update and Cancel.")
        % {"type": alert.msg_type}
    )


def _lock_importer(by: User | None, source) -> None:
    """One import at a time per importer, so the same alert sent twice at once is kept once."""
    if source is not None:
        FeedSource.objects.select_for_update().filter(pk=source.pk).first()
    else:
        Actor.objects.select_for_update().filter(pk=by.actor_id).first()


def _own_revisions(by: User | None, source):
    """The imported versions the importer may deduplicate against and change: a feed source's
    own, or (for a user) those of notices the user's actor owns. Never another actor's: what
    one actor imported neither hides nor answers another actor's import."""
    revisions = NoticeRevision.objects.filter(notice__is_external=True)
    if source is not None:
        return revisions.filter(notice__source=source)
    return revisions.filter(notice__owner_actor_id=by.actor_id)


def _main_info(alert: Alert) -> Info:
    info = alert.info("sv") or (alert.infos[0] if alert.infos else None)
    if info is None or not (info.headline or info.event):
        raise ImportRefused(_("The alert has no information block with a headline or event."))
    return info


def _category(alert: Alert, info: Info, source) -> Category:
    if source is not None:
        return source.category
    active = Category.objects.filter(is_active=True)
    for cap_category in info.categories:
        match = active.filter(cap_category=cap_category).order_by("pk").first()
        if match is not None:
            return match
    fallback = active.filter(slug="ovrigt").first() or active.order_by("pk").first()
    if fallback is None:
        raise ImportRefused(_("There is no notice category to file the alert under."))
    return fallback


@dataclass(frozen=True)
class AlertArea:
    """The area a CAP alert covers: municipality and county codes, and any polygons."""

    municipality_codes: frozenset[str]
    county_codes: tuple[str, ...]
    polygons: dict | None  # a GeoJSON MultiPolygon


def _area(info: Info) -> AlertArea:
    municipalities, counties = set(), set()
    for area in info.areas:
        for name, value in area.geocodes:
            name, value = name.replace(" ", "").lower(), value.strip()
            if name in MUNICIPALITY_CODE_NAMES and value.isdigit():
                municipalities.add(value.zfill(4))
            elif name in COUNTY_CODE_NAMES and value.isdigit():
                counties.add(value.zfill(2))
            elif name in ISO_CODE_NAMES and value.upper() in ISO_COUNTIES:
                counties.add(ISO_COUNTIES[value.upper()])
    rings = [[list(p) for p in ring] for area in info.areas for ring in area.polygons]
    polygons = {"type": "MultiPolygon", "coordinates": [[r] for r in rings]} if rings else None
    return AlertArea(frozenset(municipalities), tuple(sorted(counties)), polygons)


def _municipalities(area: AlertArea) -> list[Actor]:
    """The municipality actors of the area: those named, and every one of a named county."""
    if not (area.municipality_codes or area.county_codes):
        return []
    wanted = Q(municipality_code__in=area.municipality_codes)
    for county in area.county_codes:
        wanted |= Q(municipality_code__startswith=county)
    return list(Actor.objects.filter(wanted, is_active=True).exclude(municipality_code=""))


def _apply(notice: Notice, alert: Alert, info: Info) -> None:
    english = alert.info("en")
    notice.headline = (info.headline or info.event)[:200]
    notice.text = info.description or info.headline or info.event
    notice.instruction = info.instruction
    notice.headline_en = english.headline[:200] if english and english is not info else ""
    notice.text_en = english.description if english and english is not info else ""
    notice.valid_from = info.effective or info.onset
    notice.valid_until = info.expires
    notice.urgency, notice.severity, notice.certainty = info.urgency, info.severity, info.certainty
    notice.area_description = ", ".join(a.description for a in info.areas)[:300]
    area = _area(info)
    notice.county_codes = list(area.county_codes)
    notice.polygons = area.polygons
    notice.external_sender_name = (info.sender_name or alert.sender)[:200]


def _importer(by: User | None, source) -> Actor:
    return source.actor if source is not None else by.actor


def _new_notice(*, by: User | None, alert: Alert, source) -> ImportResult:
    info = _main_info(alert)
    notice = Notice(
        category=_category(alert, info, source),
        classification="open" if alert.scope == "Public" else "restricted",
        is_exercise=STATUSES[alert.status],
        owner_actor=_importer(by, source),
        published_at=timezone.now(),
        published_by=by if by is not None else None,
        is_external=True,
        source=source,
    )
    _apply(notice, alert, info)
    notice.save()
    notice.municipalities.set(_municipalities(_area(info)))
    revision = add_revision(notice=notice, msg_type=MessageType.ALERT, by=by, cap=_cap(alert))
    announce(
        by=by, notice=notice, revision=revision, action="notice.imported", after=snapshot(notice)
    )
    return ImportResult(notice, revision, created=True)


def _cap(alert: Alert) -> tuple:
    xml = '<?xml version="1.0" encoding="UTF-8"?>\n' + alert.xml
    return (alert.sender, alert.identifier, alert.sent, xml)


def _referenced_notice(alert: Alert, *, by: User | None, source) -> Notice:
    if not alert.references:
        raise ImportRefused(_("An Update or Cancel must name the alert it refers to."))
    pairs = {(r.sender, r.identifier) for r in alert.references}
    samlads = NoticeRevision.objects.filter(
        notice__is_external=False,
        cap_sender__in=[r.sender for r in alert.references],
        cap_identifier__in=[r.identifier for r in alert.references],
    ).values_list("cap_sender", "cap_identifier")
    if pairs & set(samlads):
        raise ImportRefused(
            _("The alert refers to a notice published in Samlad; only its publisher changes it."),
            status=409,
        )
    known = (
        _own_revisions(by, source)
        .filter(
            cap_sender__in=[r.sender for r in alert.references],
            cap_identifier__in=[r.identifier for r in alert.references],
        )
        .select_related("notice")
    )
    notices = {rev.notice for rev in known if (rev.cap_sender, rev.cap_identifier) in pairs}
    if not notices:
        raise ImportRefused(
            _("The alert refers to alerts Samlad does not know: %(references)s")
            % {"references": " ".join(f"{r.sender},{r.identifier}" for r in alert.references)}
        )
    if len(notices) > 1:
        raise ImportRefused(_("The alert refers to more than one notice."))
    notice = Notice.objects.select_for_update().get(pk=notices.pop().pk)
    original = notice.revisions.order_by("number").first()
    if original.cap_sender != alert.sender:
        raise ImportRefused(
            _(
                "Only the sender of the original alert (%(sender)s) updates or cancels it; "
                "this alert is from %(other)s."
            )
            % {"sender": original.cap_sender, "other": alert.sender},
            status=409,
        )
    return notice


def _follow_up(*, by: User | None, alert: Alert, source) -> ImportResult:
    notice = _referenced_notice(alert, by=by, source=source)
    if notice.is_withdrawn:
        raise ImportRefused(_("The notice the alert refers to is already withdrawn."), status=409)
    before = snapshot(notice)
    if alert.msg_type == MessageType.CANCEL:
        notice.status = NoticeStatus.WITHDRAWN
        if alert.infos:
            _apply(notice, alert, _main_info(alert))
    else:
        info = _main_info(alert)
        _apply(notice, alert, info)
        notice.municipalities.set(_municipalities(_area(info)))
    notice.version += 1
    notice.save()
    note = alert.note or _("New version from %(sender)s.") % {"sender": alert.sender}
    revision = add_revision(
        notice=notice, msg_type=alert.msg_type, by=by, change_note=note, cap=_cap(alert)
    )
    action = "notice.import_cancelled" if alert.msg_type == "Cancel" else "notice.import_updated"
    announce(
        by=by,
        notice=notice,
        revision=revision,
        action=action,
        before=before,
        after=snapshot(notice),
    )
    warnings.follow_up_reaches_events(notice=notice, revision=revision)
    return ImportResult(notice, revision, created=True)
