"""CAP 1.2 alerts in: each alert becomes an external notice once (its sender and identifier
deduplicate), an Update or Cancel changes the notice its references name, and the whole import
is one transaction, so a refused alert leaves nothing behind."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samlad.actors.models import Actor
from samlad.core import access
from samlad.core.errors import NotPermitted
from samlad.notices.cap.parse import Alert, ImportRefused, Info, parse_alert
from samlad.notices.models import (
    Category,
    MessageType,
    Notice,
    NoticeRevision,
    NoticeStatus,
)
from samlad.notices.services.notices import add_revision, announce, snapshot

MUNICIPALITY_CODE_NAMES = {"kommunkod", "municipality", "municipalitycode", "kommun"}
STATUSES = {"Actual": False, "Exercise": True}


@dataclass(frozen=True)
class ImportResult:
    notice: Notice
    revision: NoticeRevision
    created: bool  # False: this very alert was imported before


def import_cap(*, by=None, data: bytes, source=None) -> ImportResult:
    """Import one CAP alert sent by a user (upload, API) or fetched from a feed source."""
    if source is None and not access.is_network_member(by):
        raise NotPermitted(_("Only members of the network import alerts."))
    return import_alert(by=by, alert=parse_alert(data), source=source)


@transaction.atomic
def import_alert(*, by=None, alert: Alert, source=None) -> ImportResult:
    if alert.status not in STATUSES:
        raise ImportRefused(
            _("Alerts with status %(status)s are not imported; only Actual and Exercise.")
            % {"status": alert.status}
        )
    existing = (
        NoticeRevision.objects.filter(cap_sender=alert.sender, cap_identifier=alert.identifier)
        .select_related("notice")
        .first()
    )
    if existing is not None:
        return ImportResult(existing.notice, existing, created=False)
    if alert.msg_type == MessageType.ALERT:
        return _new_notice(by=by, alert=alert, source=source)
    if alert.msg_type in (MessageType.UPDATE, MessageType.CANCEL):
        return _follow_up(by=by, alert=alert)
    raise ImportRefused(
        _("Messages of type %(type)s are not imported; only Alert, Update and Cancel.")
        % {"type": alert.msg_type}
    )


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


def _municipalities(info: Info) -> list[Actor]:
    codes = {
        value
        for area in info.areas
        for name, value in area.geocodes
        if name.replace(" ", "").lower() in MUNICIPALITY_CODE_NAMES
    }
    return list(Actor.objects.filter(municipality_code__in=codes)) if codes else []


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
    notice.external_sender_name = (info.sender_name or alert.sender)[:200]


def _importer(by, source) -> Actor:
    return source.actor if source is not None else by.actor


def _new_notice(*, by, alert: Alert, source) -> ImportResult:
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
    notice.municipalities.set(_municipalities(info))
    revision = add_revision(notice=notice, msg_type=MessageType.ALERT, by=by, cap=_cap(alert))
    announce(
        by=by, notice=notice, revision=revision, action="notice.imported", after=snapshot(notice)
    )
    return ImportResult(notice, revision, created=True)


def _cap(alert: Alert) -> tuple:
    xml = '<?xml version="1.0" encoding="UTF-8"?>\n' + alert.xml
    return (alert.sender, alert.identifier, alert.sent, xml)


def _referenced_notice(alert: Alert) -> Notice:
    if not alert.references:
        raise ImportRefused(_("An Update or Cancel must name the alert it refers to."))
    known = NoticeRevision.objects.filter(
        cap_sender__in=[r.sender for r in alert.references],
        cap_identifier__in=[r.identifier for r in alert.references],
    ).select_related("notice")
    pairs = {(r.sender, r.identifier) for r in alert.references}
    notices = {rev.notice for rev in known if (rev.cap_sender, rev.cap_identifier) in pairs}
    if not notices:
        raise ImportRefused(
            _("The alert refers to alerts Samlad does not know: %(references)s")
            % {"references": " ".join(f"{r.sender},{r.identifier}" for r in alert.references)}
        )
    if len(notices) > 1:
        raise ImportRefused(_("The alert refers to more than one notice."))
    notice = notices.pop()
    if not notice.is_external:
        raise ImportRefused(
            _("The alert refers to a notice published in Samlad; only its publisher changes it."),
            status=409,
        )
    return Notice.objects.select_for_update().get(pk=notice.pk)


def _follow_up(*, by, alert: Alert) -> ImportResult:
    notice = _referenced_notice(alert)
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
        notice.municipalities.set(_municipalities(info))
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
    return ImportResult(notice, revision, created=True)
