"""Answering a call-out by SMS. The syntax, stated in every call-out SMS:

    1 K47            attending            (also: JA, J, KOMMER)
    2 K47            not attending        (also: NEJ, N)
    3 20 K47         attending in 20 min  (also: SENARE 20 K47; minutes 1–1440)

K47 is the activation's code. Words may come in any order and in any case; the code may be left
out when the sender's number has exactly one open activation. The reply is matched to the
recipient by the sender's number and the code, so two activations running at once never mix
their answers; without a code and with several open activations, the sender is asked for it.
A message that is not an answer from a called number is left to the other handlers."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from samlad.activation.models import ActivationStatus, Answer, Recipient
from samlad.activation.services.answers import answer_by_sms
from samlad.notify.inbound import InboundSms

CODE = re.compile(r"^[A-Z]\d{2}$")
WORDS = {
    "1": Answer.ATTENDING,
    "JA": Answer.ATTENDING,
    "J": Answer.ATTENDING,
    "KOMMER": Answer.ATTENDING,
    "2": Answer.NOT_ATTENDING,
    "NEJ": Answer.NOT_ATTENDING,
    "N": Answer.NOT_ATTENDING,
    "3": Answer.LATER,
    "SENARE": Answer.LATER,
}


@dataclass(frozen=True)
class Reply:
    answer: str | None
    minutes: int | None
    code: str | None


def parse(text: str) -> Reply:
    """Read an SMS answer; `answer` is None when the text is not one."""
    words = re.split(r"[\s,.;:!]+", text.strip().upper())
    answer = minutes = code = None
    for word in filter(None, words):
        if CODE.match(word) and code is None:
            code = word
        elif word in WORDS and answer is None:
            answer = WORDS[word]
        elif word.isdigit() and answer == Answer.LATER and minutes is None:
            minutes = int(word)
        else:
            return Reply(None, None, code)
    return Reply(answer, minutes, code)


def _open_recipients(sender: str):
    return (
        Recipient.objects.filter(phone=sender, activation__status=ActivationStatus.OPEN)
        .select_related("activation__forum", "participant__actor")
        .order_by("-activation__created_at")
    )


def handle(message: InboundSms) -> str | None:
    """The inbound-SMS handler (registered in ActivationConfig.ready)."""
    recipients = list(_open_recipients(message.sender))
    if not recipients:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        return _answer(recipients, parse(message.text))


def _answer(recipients: list[Recipient], reply: Reply) -> str:
    codes = sorted({r.activation.code for r in recipients})
    if reply.code is not None:
        recipients = [r for r in recipients if r.activation.code == reply.code]
        if not recipients:
            return _("No open call-out has the code %(code)s. Your codes: %(codes)s.") % {
                "code": reply.code,
                "codes": ", ".join(codes),
            }
    elif len(codes) > 1:
        return _(
            "You are called to more than one meeting. Reply with the code, e.g. “1 %(code)s”. "
            "Your codes: %(codes)s."
        ) % {"code": codes[0], "codes": ", ".join(codes)}
    if reply.answer is None or (reply.answer == Answer.LATER and reply.minutes is None):
        code = recipients[0].activation.code
        return _(
            "Not understood. Reply 1 %(code)s attending, 2 %(code)s not attending, "
            "3 20 %(code)s attending in 20 minutes."
        ) % {"code": code}
    recipient = recipients[0]
    try:
        answer_by_sms(recipient=recipient, answer=reply.answer, minutes=reply.minutes)
    except ValidationError as error:
        return " ".join(error.messages)
    return _("Thank you. Recorded: %(answer)s, %(forum)s (%(code)s).") % {
        "answer": _answer_words(reply),
        "forum": recipient.activation.forum.name,
        "code": recipient.activation.code,
    }


def _answer_words(reply: Reply) -> str:
    if reply.answer == Answer.LATER:
        return _("attending in %(minutes)s minutes") % {"minutes": reply.minutes}
    return str(Answer(reply.answer).label).lower()
