"""Names and small helpers the meeting tests share."""

COORDINATING = "regionalt-samordnande-forum"
CONFERENCE = "regional-samverkanskonferens"
COORDINATION_GROUP = "regionala-samordningsgruppen"
CHIEF_GROUP = "regionala-chefsgruppen"


def item_titled(meeting, words: str):
    """The agenda item whose title contains `words`."""
    return next(
        item for item in meeting.agenda_items.filter(removed_at=None) if words in item.title
    )


def titles(meeting) -> list[str]:
    return [
        item.title for item in meeting.agenda_items.filter(removed_at=None).order_by("position")
    ]
