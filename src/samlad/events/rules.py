"""Who may do what in an event. Visibility itself is the access policy's (samlad.core.access);
these rules add the roles of the cooperation model on top of it."""

from samlad.actors.models import FunctionKind
from samlad.core import access

# TiB and RSIB compile and publish the consolidated picture (MODEL.md, "Activation").
PICTURE_COMPILERS = {FunctionKind.TIB, FunctionKind.RSIB}


def can_view_event(user, event) -> bool:
    return access.can_view(user, event)


def can_compile_picture(user, event) -> bool:
    """TiB and RSIB on duty compile the consolidated picture of any event they can see."""
    return can_view_event(user, event) and bool(PICTURE_COMPILERS & user.function_kinds)


def can_manage_event(user, event) -> bool:
    """The registering actor, the lead actor, and TiB/RSIB may change, close and reopen it."""
    if not can_view_event(user, event):
        return False
    return user.actor_id in {event.owner_actor_id, event.lead_actor_id} or bool(
        PICTURE_COMPILERS & user.function_kinds
    )


def can_report(user, event) -> bool:
    """Every actor that can see an open event may report its own picture into it."""
    return can_view_event(user, event) and event.status == "open"
