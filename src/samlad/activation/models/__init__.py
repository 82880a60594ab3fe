"""Forums (samverkansforum), activation requests, activations and their call-out."""

from samlad.activation.models.activations import (
    Activation,
    ActivationKind,
    ActivationStatus,
    Answer,
    AnswerChannel,
    Participant,
    Recipient,
)
from samlad.activation.models.forums import Forum, ForumMember, ForumMode, Level, Weekday
from samlad.activation.models.requests import ActivationRequest, RequestStatus, Urgency

__all__ = [
    "Activation",
    "ActivationKind",
    "ActivationRequest",
    "ActivationStatus",
    "Answer",
    "AnswerChannel",
    "Forum",
    "ForumMember",
    "ForumMode",
    "Level",
    "Participant",
    "Recipient",
    "RequestStatus",
    "Urgency",
    "Weekday",
]
