"""Swedish is the default language: every string in the UI has a Swedish translation."""

from pathlib import Path

import polib
import pytest

SOURCE = Path(__file__).resolve().parent.parent / "src"
CATALOGUES = sorted(SOURCE.rglob("locale/sv/LC_MESSAGES/django.po"))


def test_there_are_swedish_catalogues():
    assert CATALOGUES


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(SOURCE)))
def test_every_string_is_translated_to_swedish(path):
    catalogue = polib.pofile(str(path))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert missing == [], f"untranslated in {path}"
    assert fuzzy == [], f"fuzzy (unchecked) in {path}"
