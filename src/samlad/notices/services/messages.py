"""What a notice says on each channel: an e-mail, an SMS, a webhook's signed JSON. Written in
Swedish (the network's language), with the English text appended where the notice has one."""

import hashlib
import hmac
import json

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from samlad.notices.cap.times import cap_time

SMS_TEXT_LENGTH = 160
WEBHOOK_EVENTS = {
    "Alert": "notice.published",
    "Update": "notice.updated",
    "Cancel": "notice.cancelled",
}


def notice_url(notice) -> str:
    """The absolute link to a notice's page, put in the messages about it."""
    return settings.SITE_URL + reverse("notices:detail", args=[notice.public_id])


def _context(notice, revision, *, show_event: bool = False) -> dict:
    names = [a.name for a in notice.shared_with.all()] if notice.classification != "open" else []
    return {
        "notice": notice,
        "event": notice.event if show_event else None,
        "msg_type": revision.msg_type,
        "change_note": revision.change_note,
        "sender": notice.external_sender_name or notice.owner_actor.name,
        "restricted_to": sorted({notice.owner_actor.name, *names}) if names else [],
        "url": notice_url(notice),
        "text": notice.text if len(notice.text) <= SMS_TEXT_LENGTH else notice.text[:157] + "…",
    }


def email(notice, revision, *, show_event: bool) -> tuple[str, str]:
    """(subject, body) of the e-mail about this version; `show_event`: whether it names the
    notice's event (only to recipients who may see the event)."""
    context = _context(notice, revision, show_event=show_event)
    with translation.override("sv"):
        subject = render_to_string("notices/messages/email_subject.txt", context).strip()
        body = render_to_string("notices/messages/email.txt", context).strip() + "\n"
    return subject, body


def sms(notice, revision) -> str:
    """The SMS text about a notice version, always in Swedish."""
    with translation.override("sv"):
        return render_to_string("notices/messages/sms.txt", _context(notice, revision)).strip()


def digest(items) -> tuple[str, str]:
    """(subject, body) of a digest; `items` carry .notice, .version and .url."""
    with translation.override("sv"):
        body = render_to_string("notices/messages/digest.txt", {"items": items}).strip() + "\n"
        subject = translation.gettext("Samlad: digest of notices")
    return subject, body


def sign(body: str, secret: str) -> str:
    """The X-Samlad-Signature value: sha256=<hex HMAC-SHA256 of the body with the secret>."""
    digest_hex = hmac.new(secret.encode(), body.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"sha256={digest_hex}"


def webhook_headers(*, body: str, secret: str, event: str, delivery_key: str) -> dict:
    """The HTTP headers of a webhook delivery, the body signed with the subscriber's secret."""
    return {
        "Content-Type": "application/json",
        "X-Samlad-Event": event,
        "X-Samlad-Signature": sign(body, secret),
        "X-Samlad-Delivery": delivery_key,
    }


def to_json(payload: dict) -> str:
    """The payload as compact JSON with sorted keys, so the signed body is the same bytes every
    time.
    """
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def notice_payload(notice, revision, *, show_event: bool) -> dict:
    """The JSON a webhook receives about one version of a notice; `show_event`: whether it names
    the notice's event (only to webhooks whose actor may see the event; else `event` is null)."""
    event = notice.event if show_event else None
    return {
        "type": WEBHOOK_EVENTS[revision.msg_type],
        "id": str(notice.public_id),
        "version": revision.number,
        "sent": cap_time(revision.sent_at),
        "status": notice.status,
        "exercise": notice.is_exercise,
        "classification": notice.classification,
        "restricted_to": sorted(a.slug for a in notice.shared_with.all())
        if notice.classification != "open"
        else [],
        "headline": ("ÖVNING: " if notice.is_exercise else "") + notice.headline,
        "text": notice.text,
        "headline_en": notice.headline_en,
        "text_en": notice.text_en,
        "instruction": notice.instruction,
        "category": {"slug": notice.category.slug, "name": notice.category.name_sv},
        "actor": {"slug": notice.owner_actor.slug, "name": notice.owner_actor.name},
        "event": {"id": str(event.public_id), "title": event.title} if event else None,
        "valid_from": cap_time(notice.valid_from) if notice.valid_from else None,
        "valid_until": cap_time(notice.valid_until) if notice.valid_until else None,
        "change_note": revision.change_note,
        "url": notice_url(notice),
        "cap_url": settings.SITE_URL + reverse("notices-api:cap", args=[notice.public_id]),
        "cap_identifier": revision.cap_identifier,
    }


def picture_payload(version) -> dict:
    """The JSON a webhook receives about a published consolidated picture version."""
    event = version.event
    return {
        "type": "picture.published",
        "id": str(version.public_id),
        "number": version.number,
        "published": cap_time(version.published_at),
        "exercise": event.is_exercise,
        "event": {
            "id": str(event.public_id),
            "title": ("ÖVNING: " if event.is_exercise else "") + event.title,
            "classification": event.classification,
        },
        "publishing_actor": version.publishing_actor.name,
        "summary": version.summary,
        "short_version": version.short_version,
        "next_update": cap_time(version.next_update_at) if version.next_update_at else None,
        "url": settings.SITE_URL
        + reverse("events:picture_version", args=[event.public_id, version.number]),
    }
