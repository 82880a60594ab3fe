"""Issue 12 item 6: every translatable string in the code and templates has a Swedish entry.
Django's makemessages extracts them (into a copy of the source, the real catalogues are never
touched) and merges them with our catalogues; any message that comes out untranslated or fuzzy
is a string a Swedish user would see in English."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

SOURCE = Path(__file__).resolve().parent.parent / "src" / "samlad"
CATALOGUE = Path("locale") / "sv" / "LC_MESSAGES" / "django.po"
ROOTS = sorted(po.parents[3] for po in SOURCE.rglob(str(CATALOGUE)))
# -P: the copied app is the working directory, and its selectors.py must not shadow the stdlib.
EXTRACT = """
import django
from django.conf import settings
from django.core.management import call_command

settings.configure(USE_I18N=True)
django.setup()
call_command("makemessages", locale=["sv"], no_obsolete=True, no_location=True, verbosity=0)
"""


def _copy_without_other_catalogues(root: Path, into: Path) -> None:
    nested = {other for other in ROOTS if other != root and root in other.parents}

    def ignore(directory, names):
        here = Path(directory)
        return [
            name
            for name in names
            if here / name in nested or name in {"__pycache__", "static", "migrations"}
        ]

    shutil.copytree(root, into, ignore=ignore)


@pytest.mark.parametrize("root", ROOTS, ids=lambda p: str(p.relative_to(SOURCE.parent)))
def test_makemessages_finds_no_string_without_a_swedish_translation(root, tmp_path):
    copy = tmp_path / "source"
    _copy_without_other_catalogues(root, copy)
    subprocess.run([sys.executable, "-P", "-c", EXTRACT], cwd=copy, check=True, timeout=300)
    merged = polib.pofile(str(copy / CATALOGUE))
    missing = [entry.msgid for entry in merged.untranslated_entries()]
    fuzzy = [entry.msgid for entry in merged.fuzzy_entries()]
    assert not missing, f"no Swedish translation in {root / CATALOGUE}: {missing}"
    assert not fuzzy, f"only a guessed (fuzzy) translation in {root / CATALOGUE}: {fuzzy}"


GETTEXT_IN_F_STRING = re.compile(r"""\bf(["'])[^\n]*?\{\s*(_|gettext|gettext_lazy)\(""")


def test_no_translated_string_hides_inside_an_f_string():
    """xgettext does not look inside f-strings: a `_()` there is never extracted, so its
    Swedish entry is never asked for ("Anslut via: Conference bridge 08-…")."""
    hidden = [
        f"{path.relative_to(SOURCE)}:{number}"
        for path in SOURCE.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if GETTEXT_IN_F_STRING.search(line)
    ]
    assert hidden == []
