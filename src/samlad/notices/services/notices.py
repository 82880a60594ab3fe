"""Publishing a notice, correcting it and withdrawing it. Each is one CAP message (Alert, Update,
Cancel) kept as a numbered version, and each goes out through the outbox in the same
transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.core import access, live, log
from samlad.core.errors import NotFound, NotPermitted
from samlad.events import selectors as event_selectors
from samlad.notices.cap.export import Message, alert_xml, cap_identifier, cap_sender
from samlad.notices.models import MessageType, Notice, NoticeRevision, NoticeStatus
from samlad.notices.services import fanout

LIVE_TOPIC = "notices"
CONTENT_FIELDS = [
    "headline",
    "text",
    "headline_en",
    "text_en",
    "instruction",
    "category",
    "event",
    "valid_from",
    "valid_until",
    "urgency",
    "severity",
    "certainty",
]
CLASSIFICATIONS = ("open", "restricted")


def snapshot(notice: Notice) -> dict:
    """A notice's content as plain data, for the log and the version history."""
    return {
        "headline": notice.headline,
        "text": notice.text,
        "headline_en": notice.headline_en,
        "text_en": notice.text_en,
        "instruction": notice.instruction,
        "category": notice.category.slug,
        "event": str(notice.event.public_id) if notice.event_id else None,
        "valid_from": notice.valid_from.isoformat() if notice.valid_from else None,
        "valid_until": notice.valid_until.isoformat() if notice.valid_until else None,
        "municipalities": sorted(m.municipality_code for m in notice.municipalities.all()),
        "county_codes": list(notice.county_codes),
        "urgency": notice.urgency,
        "severity": notice.severity,
        "certainty": notice.certainty,
        "status": notice.status,
        "classification": notice.classification,
        "is_exercise": notice.is_exercise,
    }


def _validate(notice: Notice) -> None:
    errors = {}
    if not notice.headline.strip():
        errors["headline"] = _("Write a headline.")
    if not notice.text.strip():
        errors["text"] = _("Write the text of the notice.")
    if notice.classification not in CLASSIFICATIONS:
        errors["classification"] = _("A notice is open or restricted to named actors.")
    if notice.valid_from and notice.valid_until and notice.valid_until <= notice.valid_from:
        errors["valid_until"] = _("The notice cannot stop being valid before it starts.")
    if notice.category_id and not notice.category.is_active:
        errors["category"] = _("This category is no longer in use.")
    if errors:
        raise ValidationError(errors)


def _check_event(by: User, event) -> None:
    if event is None:
        return
    try:
        event_selectors.event_for(by, public_id=event.public_id)
    except NotFound:
        raise ValidationError({"event": _("No such event.")}) from None


def _municipalities_of(event) -> list:
    if event is None:
        return []
    return [a for a in event.affected_actors.all() if a.municipality_code]


def add_revision(
    *, notice: Notice, msg_type: str, by: User | None = None, change_note: str = "", cap=None
) -> NoticeRevision:
    """Keep this version of the notice: its content and its CAP message. `cap` is an imported
    alert's (sender, identifier, sent, xml); Samlad's own versions get theirs made here."""
    previous = list(NoticeRevision.objects.filter(notice=notice).order_by("number"))
    if cap is None:
        message = Message(
            identifier=cap_identifier(notice, notice.version),
            sender=cap_sender(),
            sent_at=timezone.now(),
            msg_type=msg_type,
            references=tuple(r.cap_reference for r in previous),
            note=change_note,
        )
        cap = (message.sender, message.identifier, message.sent_at, alert_xml(notice, message))
    sender, identifier, sent_at, xml = cap
    return NoticeRevision.objects.create(
        notice=notice,
        number=notice.version,
        msg_type=msg_type,
        sent_at=sent_at,
        sent_by=by if getattr(by, "is_authenticated", False) else None,
        change_note=change_note,
        content=snapshot(notice),
        cap_sender=sender,
        cap_identifier=identifier,
        cap_xml=xml,
    )


def announce(
    *, by: User | None, notice: Notice, revision: NoticeRevision, action: str, **log_fields
) -> None:
    """The outbox rows, the log entry and the live list, all in the caller's transaction."""
    fanout.reach_audience(notice, revision) if revision.number == 1 else fanout.reach_again(
        notice, revision
    )
    log.record(by=by, action=action, target=notice, summary=notice.headline, **log_fields)
    live.publish(topic=LIVE_TOPIC, kind="notice", obj=notice)


@transaction.atomic
def publish_notice(
    *,
    by: User,
    headline: str,
    text: str,
    category,
    event=None,
    classification: str = "open",
    shared_with=(),
    is_exercise: bool = False,
    valid_from=None,
    valid_until=None,
    headline_en: str = "",
    text_en: str = "",
    instruction: str = "",
    municipalities=None,
    urgency: str = "Unknown",
    severity: str = "Unknown",
    certainty: str = "Unknown",
) -> Notice:
    """Publish a notice for the publisher's own actor; everyone who chose to receive it gets it."""
    if not access.is_network_member(by):
        raise NotPermitted(_("Only members of the network publish notices."))
    _check_event(by, event)
    notice = Notice(
        headline=headline.strip(),
        text=text.strip(),
        headline_en=headline_en.strip(),
        text_en=text_en.strip(),
        instruction=instruction.strip(),
        category=category,
        event=event,
        classification=classification,
        is_exercise=is_exercise or bool(event and event.is_exercise),
        valid_from=valid_from,
        valid_until=valid_until,
        urgency=urgency,
        severity=severity,
        certainty=certainty,
        owner_actor=by.actor,
        published_at=timezone.now(),
        published_by=by,
    )
    _validate(notice)
    notice.full_clean()
    notice.save()
    if classification != "open":
        notice.shared_with.set([a for a in shared_with if a.pk != by.actor_id])
    notice.municipalities.set(
        municipalities if municipalities is not None else _municipalities_of(event)
    )
    revision = add_revision(notice=notice, msg_type=MessageType.ALERT, by=by)
    announce(
        by=by, notice=notice, revision=revision, action="notice.published", after=snapshot(notice)
    )
    return notice


def _locked_for_change(by: User, notice: Notice) -> Notice:
    if not access.can_view(by, notice):
        raise NotPermitted(_("No such notice."))
    if notice.is_external or by.actor_id != notice.owner_actor_id:
        raise NotPermitted(_("Only the publishing actor corrects or withdraws its notice."))
    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    if notice.is_withdrawn:
        raise ValidationError(_("The notice is withdrawn; it can no longer be changed."))
    return notice


@transaction.atomic
def correct_notice(
    *, by: User, notice: Notice, change_note: str, municipalities=None, **fields
) -> Notice:
    """Correct a notice: a new version that says what changed, sent to the same recipients."""
    notice = _locked_for_change(by, notice)
    if not change_note.strip():
        raise ValidationError({"change_note": _("Say what changed.")})
    before = snapshot(notice)
    for name, value in fields.items():
        if name not in CONTENT_FIELDS:
            raise ValidationError({name: _("This cannot be changed by a correction.")})
        setattr(notice, name, value.strip() if isinstance(value, str) else value)
    if "event" in fields:
        _check_event(by, notice.event)
    _validate(notice)
    notice.full_clean()
    if municipalities is not None:
        notice.municipalities.set(municipalities)
    after = snapshot(notice)
    if after == before:
        raise ValidationError(_("Nothing was changed."))
    notice.version += 1
    notice.save()
    revision = add_revision(
        notice=notice, msg_type=MessageType.UPDATE, by=by, change_note=change_note.strip()
    )
    old, new = log.changes(before, after)
    announce(
        by=by, notice=notice, revision=revision, action="notice.corrected", before=old, after=new
    )
    return notice


@transaction.atomic
def withdraw_notice(*, by: User, notice: Notice, reason: str = "") -> Notice:
    """Withdraw a notice: it stays readable, marked withdrawn, and its recipients are told."""
    notice = _locked_for_change(by, notice)
    notice.status = NoticeStatus.WITHDRAWN
    notice.version += 1
    notice.save(update_fields=["status", "version", "updated_at"])
    revision = add_revision(
        notice=notice, msg_type=MessageType.CANCEL, by=by, change_note=reason.strip()
    )
    announce(
        by=by,
        notice=notice,
        revision=revision,
        action="notice.withdrawn",
        before={"status": "active"},
        after={"status": "withdrawn"},
    )
    return notice
