"""The agenda a meeting starts from: the forum's standing agenda in ordinary mode, the model's
agenda for activated meetings (Modellbeskrivning: TiB hosts, RSIB sets the agenda and sums up),
plus the follow-up of open action items and the matters raised to the forum. The texts are the
model's Swedish terms; users edit them freely afterwards."""

from samlad.meetings.models import AgendaKind

# (kind, title) in the model's order for activated meetings.
ACTIVATED_AGENDA = [
    (AgendaKind.ROLL_CALL, "Upprop"),
    (AgendaKind.ACTOR_REPORTS, "Aktörernas korta lägesrapporter"),
    (AgendaKind.TOPIC, "Samlad lägesbild och gemensam analys"),
    (AgendaKind.TOPIC, "Alternativa händelseutvecklingar"),
    (AgendaKind.TOPIC, "Samordningsbehov (resurser, åtgärder)"),
    (AgendaKind.TOPIC, "Kommunikation och samordnade budskap"),
    (AgendaKind.DECISIONS, "Beslut om vad respektive aktör gör"),
    (AgendaKind.NEXT_MEETING, "Nästa möte"),
]
FOLLOW_UP_TITLE = "Uppföljning av åtgärdspunkter från tidigare möten"
RAISED_TITLE = "Ärende från %(forum)s: %(title)s"

# Words in a standing agenda's item that tell which tools the item needs.
KIND_HINTS = [
    (AgendaKind.ROLL_CALL, ("upprop",)),
    (AgendaKind.ACTOR_REPORTS, ("aktörernas lägesbild", "aktörernas lägesrapport")),
    (AgendaKind.DECISIONS, ("summering av åtgärder", "beslut om vad")),
    (AgendaKind.NEXT_MEETING, ("nästa möte", "nästa avstämning")),
    (AgendaKind.FOLLOW_UP, ("föregående protokoll",)),
]


def kind_of(title: str) -> str:
    """The kind of a standing agenda item, from its words; an ordinary item otherwise."""
    lowered = title.lower()
    for kind, hints in KIND_HINTS:
        if any(hint in lowered for hint in hints):
            return kind
    return AgendaKind.TOPIC


def starting_agenda(*, forum, activated: bool) -> list[tuple[str, str]]:
    """(kind, title) pairs the new meeting's agenda starts with."""
    if activated:
        return list(ACTIVATED_AGENDA)
    return [(kind_of(title), title) for title in forum.standing_agenda or []]
