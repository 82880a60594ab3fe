"""Answers to a call-out: attending, not attending, or later with an ETA; through the answer
link, an SMS reply, or recorded by TiB. An answer marks the recipient's actor as answered
(and reached), which stops its escalation."""

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.activation import links, rules
from samlad.activation.models import Answer, AnswerChannel, Participant, Recipient
from samlad.core import live, log
from samlad.core.errors import NotPermitted

LATEST_MINUTES = 24 * 60


@dataclass(frozen=True)
class LinkAnswer:
    """What answering through a link gave: who answered (None if it failed), the problem to show,
    and a token to correct the answer.
    """

    recipient: Recipient | None
    problem: str | None
    token: str = ""  # the one-time token to correct the answer just given


def _check(answer: str, minutes) -> int | None:
    if answer not in Answer.values:
        raise ValidationError({"answer": _("Answer attending, not attending or later.")})
    if answer != Answer.LATER:
        return None
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        minutes = 0
    if not 1 <= minutes <= LATEST_MINUTES:
        raise ValidationError({"minutes": _("Say in how many minutes you can join (1 to 1440).")})
    return minutes


def _record(
    recipient: Recipient, *, answer: str, minutes, via: str, by: User | None = None
) -> Recipient:
    """Record the answer on the locked recipient row (the caller holds the transaction)."""
    if not recipient.activation.is_open:
        raise ValidationError(_("The activation is closed."))
    minutes = _check(answer, minutes)
    now = timezone.now()
    before = {"answer": recipient.answer or None}
    recipient.answer = answer
    recipient.eta = now + timedelta(minutes=minutes) if minutes else None
    recipient.answered_at = now
    recipient.answered_via = via
    recipient.answered_by = by
    if via == AnswerChannel.LINK:
        recipient.link_nonce = links.new_nonce()
    recipient.save(
        update_fields=[
            "answer",
            "eta",
            "answered_at",
            "answered_via",
            "answered_by",
            "link_nonce",
            "updated_at",
        ]
    )
    Participant.objects.filter(pk=recipient.participant_id, answered_at=None).update(
        answered_at=now
    )
    log.record(
        by=by,
        action="activation.answered",
        target=recipient.activation,
        summary=f"{recipient.participant.actor.name}: {recipient.get_answer_display()}",
        before=before,
        after={
            "recipient": str(recipient.public_id),
            "answer": answer,
            "eta": recipient.eta.isoformat() if recipient.eta else None,
            "via": via,
        },
    )
    live.publish(topic=recipient.activation.topic, kind="answer", obj=recipient)
    return recipient


def _locked(recipient_pk) -> Recipient:
    return (
        Recipient.objects.select_for_update()
        .select_related("activation__forum", "participant__actor")
        .get(pk=recipient_pk)
    )


@transaction.atomic
def answer_by_link(*, token: str, answer: str, minutes=None) -> LinkAnswer:
    """Answer through a link: refused (nothing changes) when forged, expired, closed or used."""
    checked = links.check(token)
    if checked.problem:
        return LinkAnswer(checked.recipient, checked.problem)
    recipient = _locked(checked.recipient.pk)
    # Checked again under the lock: two clicks at once answer once.
    if links.check(token).problem:
        return LinkAnswer(recipient, links.LinkProblem.USED)
    recipient = _record(recipient, answer=answer, minutes=minutes, via=AnswerChannel.LINK)
    return LinkAnswer(recipient, None, links.token_for(recipient))


@transaction.atomic
def answer_by_sms(*, recipient: Recipient, answer: str, minutes=None) -> Recipient:
    """An SMS reply matched to `recipient` by sender number and activation code."""
    return _record(_locked(recipient.pk), answer=answer, minutes=minutes, via=AnswerChannel.SMS)


@transaction.atomic
def record_answer(*, by: User, recipient: Recipient, answer: str, minutes=None) -> Recipient:
    """TiB records an answer given another way (e.g. by phone)."""
    if not rules.can_activate(by):
        raise NotPermitted(_("Only the county board's TiB records answers for others."))
    return _record(
        _locked(recipient.pk), answer=answer, minutes=minutes, via=AnswerChannel.BOARD, by=by
    )
