"""Who may do what in a meeting. Visibility itself is the access policy's (samlad.core.access):
a meeting is seen as its classification allows, and, when it belongs to an event, only by those
who may also see the event. These rules add the roles of the cooperation model on top
(MODEL.md, "Activation" step 4): TiB hosts, moderates and documents; RSIB sets the agenda and sums
up the actions; RKK covers communication; the head of the coordination office chairs the
coordination group."""

from samlad.actors.models import COUNTY_BOARD_FUNCTIONS, FunctionKind
from samlad.core import access

# Who plans meetings and writes minutes: the county board's duty and office functions.
ORGANISERS = set(COUNTY_BOARD_FUNCTIONS)
# Who runs a meeting (starts and ends it, calls the roll, sends invitations).
HOSTS = {FunctionKind.TIB}
# Who sets a meeting's agenda.
AGENDA_SETTERS = {FunctionKind.RSIB}
# A forum chaired by one of these functions is also hosted and set by it (e.g. the head of
# office for the coordination group, RKK for communication coordination).
CHAIRS_WHO_RUN_THEIR_FORUM = {FunctionKind.HEAD_OF_OFFICE, FunctionKind.RKK, FunctionKind.RSIB}


def _kinds(user) -> frozenset:
    return user.function_kinds if access.is_network_member(user) else frozenset()


def _chairs(user, meeting) -> bool:
    chair = meeting.forum.chair_function
    return chair in CHAIRS_WHO_RUN_THEIR_FORUM and chair in _kinds(user)


def can_view_meeting(user, meeting) -> bool:
    if not access.can_view(user, meeting):
        return False
    return meeting.event_id is None or access.can_view(user, meeting.event)


def can_plan_meetings(user) -> bool:
    """TiB, RSIB, RKK and the head of office plan meetings of any forum."""
    return bool(ORGANISERS & _kinds(user))


def can_host(user, meeting) -> bool:
    """TiB (or the forum's own chair) starts and ends the meeting, calls the roll and sends the
    invitations and changes."""
    if not can_view_meeting(user, meeting):
        return False
    return bool(HOSTS & _kinds(user)) or _chairs(user, meeting)


def can_set_agenda(user, meeting) -> bool:
    """RSIB (or the forum's own chair) adds, removes and reorders agenda items."""
    if not can_view_meeting(user, meeting):
        return False
    return bool(AGENDA_SETTERS & _kinds(user)) or _chairs(user, meeting)


def can_write_minutes(user, meeting) -> bool:
    """The county board's functions document the meeting, several at once."""
    return can_view_meeting(user, meeting) and bool(ORGANISERS & _kinds(user))


def can_approve_minutes(user, meeting) -> bool:
    """Whoever hosts or sets the agenda records that the minutes were read out and approved."""
    return can_host(user, meeting) or can_set_agenda(user, meeting)


def can_record_actor_report(user, meeting) -> bool:
    """TiB and RSIB record an actor's oral report straight into the meeting's event."""
    from samlad.events import rules as event_rules

    if meeting.event_id is None or not can_view_meeting(user, meeting):
        return False
    return event_rules.can_compile_picture(user, meeting.event)


def can_update_action(user, item, *, meeting_visible: bool) -> bool:
    """The responsible actor's own users follow up its items; so do the minutes writers."""
    if not access.is_network_member(user):
        return False
    if user.actor_id == item.actor_id:
        return True
    return meeting_visible and bool(ORGANISERS & _kinds(user))
