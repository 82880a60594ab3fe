"""What changed between two versions of the consolidated picture, field by field and word by
word, for the "compare versions" view and the API."""

import difflib
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.timezone import localtime

from samlad.events.models import PICTURE_FIELDS, PictureVersion


@dataclass(frozen=True)
class Piece:
    """A run of words that stayed, was added or was removed."""

    op: str  # "same", "added" or "removed"
    text: str


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    pieces: list[Piece]


def word_diff(old: str, new: str) -> list[Piece]:
    """The words of `old` and `new` as runs that stayed, were removed or were added."""
    a, b = old.split(" "), new.split(" ")
    pieces = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(Piece("same", " ".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            pieces.append(Piece("removed", " ".join(a[i1:i2])))
        if op in ("insert", "replace"):
            pieces.append(Piece("added", " ".join(b[j1:j2])))
    return pieces


def _when(moment) -> str:
    return date_format(localtime(moment), "SHORT_DATETIME_FORMAT") if moment else ""


def compare(old: PictureVersion, new: PictureVersion) -> list[FieldChange]:
    """The fields that differ between two versions (next update time included)."""
    changes = []
    for name in [*PICTURE_FIELDS, "next_update_at"]:
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        label = str(PictureVersion._meta.get_field(name).verbose_name)
        if name == "next_update_at":
            before, after = _when(before), _when(after)
        changes.append(FieldChange(name, label, word_diff(before or "", after or "")))
    return changes
