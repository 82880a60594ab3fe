"""Forums stay in the activation app: a forum is bound to its call-out list, its requirements
and its activations. Every other app (meetings today; direction, capability, learning next)
reads forums through samlad.activation.selectors, so what a forum is changes in one place."""

import re
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "src" / "samlad"
ACTIVATION = SOURCE / "activation"
DIRECT_READ = re.compile(r"\b(Forum|ForumMember)\.(objects|_default_manager|_base_manager)\b")


def _reads_forums_directly(path: Path) -> bool:
    return bool(DIRECT_READ.search(path.read_text(encoding="utf-8")))


def test_no_module_outside_activation_reads_forums_but_through_its_selectors():
    readers = [
        str(path.relative_to(SOURCE))
        for path in sorted(SOURCE.rglob("*.py"))
        if ACTIVATION not in path.parents and _reads_forums_directly(path)
    ]
    assert readers == []


def test_the_check_sees_a_direct_read(tmp_path):
    module = tmp_path / "listing.py"
    module.write_text('forum = Forum.objects.filter(slug="regionala-samverkanskonferensen")\n')
    assert _reads_forums_directly(module)
