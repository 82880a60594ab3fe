"""The notices app's models, split by concept."""

from samlad.notices.models.notices import (
    CapCategory,
    Category,
    Certainty,
    MessageType,
    Notice,
    NoticeRecipient,
    NoticeRevision,
    NoticeStatus,
    RecipientTiming,
    Severity,
    Urgency,
)
from samlad.notices.models.outside import FeedSource, FeedToken, Webhook
from samlad.notices.models.preferences import (
    DigestItem,
    EventFollow,
    NotificationPreference,
    PreferenceChannel,
    Scope,
)

__all__ = [
    "CapCategory",
    "Category",
    "Certainty",
    "DigestItem",
    "EventFollow",
    "FeedSource",
    "FeedToken",
    "MessageType",
    "Notice",
    "NoticeRecipient",
    "NoticeRevision",
    "NoticeStatus",
    "NotificationPreference",
    "PreferenceChannel",
    "RecipientTiming",
    "Scope",
    "Severity",
    "Urgency",
    "Webhook",
]
