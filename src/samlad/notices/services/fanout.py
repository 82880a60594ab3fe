"""Who a notice reaches and putting it in the outbox (samlad.notify.outbox): one Delivery row per
recipient, channel and version, written in the publishing transaction.

On publication the audience is worked out from the notification settings and the access policy
(a restricted notice reaches only users of the actors it names, whatever their settings) and
remembered. A correction or a withdrawal goes to exactly those recipients again, on the same
channels, so everyone who read the first version learns that it changed."""

from django.db.models import Q

from samlad.core import access, bulk
from samlad.notices import selectors
from samlad.notices.models import (
    DigestItem,
    Notice,
    NoticeRecipient,
    NoticeRevision,
    NotificationPreference,
    RecipientTiming,
    Scope,
    Webhook,
)
from samlad.notices.services import messages
from samlad.notify.channels.email import message_id
from samlad.notify.outbox import Message, enqueue_many


def topic(notice: Notice) -> str:
    """The live-update topic of a notice's page, also the start of its deliveries' keys."""
    return f"notice:{notice.public_id}"


def delivery_key(notice: Notice, revision: NoticeRevision, *, channel: str, to: str) -> str:
    """One key per recipient × channel × version: a retry never sends twice."""
    return f"notice:{notice.public_id}:v{revision.number}:{channel}:{to}"


def _named_actor_ids(notice: Notice) -> set[int] | None:
    """The actors a restricted notice names; None for an open one."""
    if notice.classification == "open":
        return None
    return {notice.owner_actor_id, *notice.shared_with.values_list("pk", flat=True)}


def _preferences(notice: Notice):
    # The users' actors are few: fetched once each and shared, not once per setting.
    preferences = (
        NotificationPreference.objects.filter(
            enabled=True, user__is_active=True, user__actor__is_active=True
        )
        .select_related("user")
        .prefetch_related("user__actor")
    )
    named = _named_actor_ids(notice)
    if named is not None:
        preferences = preferences.filter(user__actor_id__in=named)
    preferences = preferences.filter(
        Q(all_categories=True) | Q(categories=notice.category_id)
    ).distinct()
    followed = Q(scope=Scope.ALL)
    if notice.event_id:
        followed |= Q(scope=Scope.FOLLOWED, user__followed_events__event_id=notice.event_id)
    return preferences.filter(followed)


def _address(user, channel: str) -> str:
    if channel == "email":
        return user.email
    # The number as stored (E.164; the outbox normalises it again): formatting a PhoneNumber,
    # or even asking whether it is empty, parses it, and a fan-out asks thousands of times.
    phone = user.phone
    return str(getattr(phone, "raw_input", phone) or "")


def audience(notice: Notice) -> list[NotificationPreference]:
    """The settings whose users this notice reaches: they may see it, asked of the access policy
    one by one, and they have an address on that channel."""
    return [
        preference
        for preference in _preferences(notice)
        if _address(preference.user, preference.channel)
        and access.can_view(preference.user, notice)
    ]


def audience_webhooks(notice: Notice) -> list[Webhook]:
    """The active webhooks of the actors that may see this notice."""
    hooks = Webhook.objects.filter(
        is_active=True, send_notices=True, actor__is_active=True
    ).select_related("actor")
    named = _named_actor_ids(notice)
    if named is not None:
        hooks = hooks.filter(actor_id__in=named)
    return [h for h in hooks if access.can_view(selectors.outside_reader(h.actor), notice)]


def reach_audience(notice: Notice, revision: NoticeRevision) -> int:
    """Send the first version to everyone who chose to receive it; remember who that was.
    Returns the number of outbox rows and digest items written."""
    recipients = [
        NoticeRecipient(notice=notice, user=p.user, channel=p.channel, timing=p.timing)
        for p in audience(notice)
    ]
    recipients += [
        NoticeRecipient(notice=notice, webhook=hook, channel="webhook")
        for hook in audience_webhooks(notice)
    ]
    bulk.insert_ignoring_conflicts(NoticeRecipient, recipients)  # thousands: COPY on PostgreSQL
    return _send(notice, revision, recipients)


def reach_again(notice: Notice, revision: NoticeRevision) -> int:
    """Send a correction or withdrawal to the same recipients as the first version (those who
    may still see it)."""
    recipients = NoticeRecipient.objects.filter(notice=notice).select_related(
        "user__actor", "webhook__actor"
    )
    return _send(notice, revision, list(recipients))


def _send(notice: Notice, revision: NoticeRevision, recipients) -> int:
    content = _Content(notice, revision)
    written = 0
    digest_items = []
    for recipient in recipients:
        if recipient.webhook_id:
            written += _to_webhook(notice, revision, recipient.webhook, content)
            continue
        user = recipient.user
        address = _address(user, recipient.channel)
        if not address or not access.can_view(user, notice):
            continue
        if recipient.timing == RecipientTiming.DIGEST:
            digest_items.append(
                DigestItem(
                    user=user, channel=recipient.channel, notice=notice, version=revision.number
                )
            )
            continue
        content.enqueue_for(user, recipient.channel, address)
        written += 1
    # One bulk insert for the whole fan-out (thousands of rows), each key still written once.
    enqueue_many(content.messages)
    DigestItem.objects.bulk_create(digest_items, ignore_conflicts=True)
    return written + len(digest_items)


def _to_webhook(notice, revision, hook: Webhook, content: "_Content") -> int:
    reader = selectors.outside_reader(hook.actor)
    if not hook.is_active or not access.can_view(reader, notice):
        return 0
    key = delivery_key(notice, revision, channel="webhook", to=f"w{hook.pk}")
    body = content.webhook_body(show_event=content.sees_event(reader))
    content.add(
        key=key,
        channel="webhook",
        address=hook.url,
        topic=topic(notice),
        body=body,
        actor=hook.actor,
        cause=hook,
        headers=messages.webhook_headers(
            body=body,
            secret=hook.secret,
            event=messages.WEBHOOK_EVENTS[revision.msg_type],
            delivery_key=key,
        ),
    )
    return 1


class _Content:
    """The texts of one version, rendered once however many recipients it has: twice where the
    notice is linked to an event, as recipients who may see the event read its title and the
    others do not (an open notice may be linked to a restricted event)."""

    def __init__(self, notice: Notice, revision: NoticeRevision):
        self.notice, self.revision = notice, revision
        self.sees_event = access.viewers_of(notice.event) if notice.event_id else _nobody
        self.email = {
            shown: messages.email(notice, revision, show_event=shown)
            for shown in ((True, False) if notice.event_id else (False,))
        }
        self.sms_body = messages.sms(notice, revision)
        self._webhook_bodies: dict[bool, str] = {}
        self.messages: list[Message] = []

    def webhook_body(self, *, show_event: bool) -> str:
        if show_event not in self._webhook_bodies:
            payload = messages.notice_payload(self.notice, self.revision, show_event=show_event)
            self._webhook_bodies[show_event] = messages.to_json(payload)
        return self._webhook_bodies[show_event]

    def email_headers(self, *, show_event: bool) -> dict:
        # One Message-ID for every recipient of the same e-mail, which the worker may send to
        # many recipients in one SMTP transaction (samlad.notify.channels.email); the e-mail
        # without the event's title is another e-mail.
        name = f"{topic(self.notice)}:v{self.revision.number}:email"
        if self.notice.event_id and not show_event:
            name += ":without-event"
        return {"Message-ID": message_id(name)}

    def add(self, **message) -> None:
        self.messages.append(Message(**message))

    def enqueue_for(self, user, channel: str, address: str) -> None:
        email = channel == "email"
        shown = email and self.sees_event(user)
        subject, body = self.email[shown] if email else ("", self.sms_body)
        self.add(
            key=delivery_key(self.notice, self.revision, channel=channel, to=f"u{user.pk}"),
            channel=channel,
            address=address,
            topic=topic(self.notice),
            subject=subject,
            body=body,
            headers=self.email_headers(show_event=shown) if email else None,
            user=user,
            actor=user.actor,
            exercise=self.notice.is_exercise,
        )


def _nobody(_user) -> bool:
    return False
