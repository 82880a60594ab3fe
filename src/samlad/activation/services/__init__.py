"""Every change to forums, activation requests and activations, split by concept."""

from samlad.activation.services.activations import (
    activate,
    add_actors,
    close_activation,
    open_activation,
)
from samlad.activation.services.answers import answer_by_link, answer_by_sms, record_answer
from samlad.activation.services.forums import create_forum, update_forum
from samlad.activation.services.requests import activate_request, decline_request, file_request

__all__ = [
    "activate",
    "activate_request",
    "add_actors",
    "answer_by_link",
    "answer_by_sms",
    "close_activation",
    "create_forum",
    "decline_request",
    "file_request",
    "open_activation",
    "record_answer",
    "update_forum",
]
