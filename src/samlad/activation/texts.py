"""The words of every message the activation app sends, in the network's language (Swedish).
The call-out itself is composed in Python, once per activation with only the recipient's parts
filled in per person (a region-wide call-out renders hundreds of them); the rarer alerts to TiB
and to a requester use templates (activation/messages/). The SMS reply syntax is explained in
every call-out (see samlad.activation.sms_replies)."""

from contextlib import contextmanager

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from samlad.actors.phones import for_display
from samlad.core import access

EXERCISE_WORD = "ÖVNING"
SMS_REASON_CHARS = 160


@contextmanager
def network_language():
    """Messages are written in the network's language and time zone, whoever triggers them."""
    with translation.override(settings.LANGUAGE_CODE), timezone.override(settings.TIME_ZONE):
        yield


def exercise_marked(activation, text: str) -> str:
    """`text` with ÖVNING in front for an exercise."""
    if activation.is_exercise and not text.startswith(EXERCISE_WORD):
        return f"{EXERCISE_WORD}: {text}"
    return text


def joining_line(activation) -> str:
    """How to join: the bridge number and PIN, and/or the Rakel talk group."""
    parts = []
    if activation.bridge_number:
        bridge = _("Conference bridge %(number)s") % {
            "number": for_display(activation.bridge_number)
        }
        if activation.bridge_pin:
            bridge += f", PIN {activation.bridge_pin}"
        parts.append(bridge)
    if activation.rakel_talk_group:
        parts.append(_("Rakel talk group %(group)s") % {"group": activation.rakel_talk_group})
    return "; ".join(parts)


def render(template: str, context: dict) -> str:
    """A message template rendered in the network's language and time zone."""
    with network_language():
        return render_to_string(f"activation/messages/{template}", context).strip()


class CallOutWords:
    """The call-out's subject, e-mail and SMS: composed once per activation (inside
    `network_language()`), then filled in per recipient."""

    def __init__(self, activation):
        local = timezone.localtime(activation.meeting_at)
        names = {"forum": activation.forum.name, "code": activation.code}
        time = local.strftime("%H:%M")
        self.subject = _("Call-out: %(forum)s at %(time)s (%(code)s)") % (names | {"time": time})
        self.joining = joining_line(activation)
        when = formats.date_format(local, "l j F Y H:i")
        self.head = [
            _("You are called to %(forum)s.") % names,
            "",
        ]
        self.meeting = [
            _("Meeting starts: %(when)s") % {"when": when},
            _("Join by: %(line)s") % {"line": self.joining},
        ]
        self.reason = (
            _("Reason: %(reason)s") % {"reason": activation.reason} if activation.reason else ""
        )
        if self.reason:
            self.meeting.append(self.reason)
        self.meeting.append(
            _("Answer within %(minutes)s minutes.") % {"minutes": activation.answer_within_minutes}
        )
        self.email_tail = [
            "",
            _(
                'Or reply by SMS: "1 %(code)s" attending, "2 %(code)s" not attending, '
                '"3 20 %(code)s" attending in 20 minutes.'
            )
            % names,
            "",
            _("Every actor decides for itself whether it keeps taking part."),
        ]
        self.sms_head = _("Call-out: %(forum)s at %(time)s.") % (names | {"time": time})
        self.sms_reply = (
            _("Reply 1 %(code)s attending, 2 %(code)s not attending, 3 20 %(code)s in 20 min.")
            % names
        )
        self.called_for = _("Called for")
        self.answer_here = _("Answer in one step (attending, not attending or later):")
        self.event = activation.event if activation.event_id else None
        if self.event is not None:
            self.event_line = _("Event: %(title)s") % {"title": self.event.title}
            self.named = (
                None
                if self.event.classification == access.Classification.OPEN
                else access.named_actor_ids(self.event)
            )
        short = Truncator(activation.reason).chars(SMS_REASON_CHARS)
        self.sms_reason = _("Reason: %(reason)s.") % {"reason": short} if short else ""

    def event_for(self, recipient) -> str:
        """The event's line, only for a recipient the access policy lets see the event."""
        if self.event is None:
            return ""
        allowed = access.can_be_told(
            self.event, user=recipient.user, actor=recipient.participant.actor, named=self.named
        )
        return self.event_line if allowed else ""

    def email(self, recipient, url: str) -> str:
        function = recipient.function.get_kind_display() if recipient.function else ""
        actor = recipient.participant.actor.name
        called_for = f"{function}, {actor}" if function else actor
        lines = [
            *self.head,
            f"{self.called_for}: {called_for}",
            *filter(None, [self.event_for(recipient)]),
            *self.meeting,
            "",
            self.answer_here,
            url,
            *self.email_tail,
        ]
        return "\n".join(lines)

    def sms(self, recipient, url: str) -> str:
        event = self.event_for(recipient)
        parts = [self.sms_head, self.sms_reason, f"{event}." if event else "", f"{self.joining}."]
        return " ".join(filter(None, [*parts, self.sms_reply, url]))
