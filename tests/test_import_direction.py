"""The foundation depends only downward (issue 13): `samlad.core` imports no other app of
Samlad; the REST toolkit `samlad.api` only core; the actor registry only those two; accounts
also the registry; administration also accounts. A reach upward fails here, wherever it is: at
module level, inside a function, or as a dotted name handed to Django or importlib
(`include("samlad.events.api_urls")`). Where core must call a higher app (demo data, the
navigation), the higher app registers itself at start-up or is found by a module name pattern."""

import ast
import re
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parent.parent / "src" / "samlad"
APPS = {path.parent.name for path in SOURCE.glob("*/__init__.py")}
DOTTED = re.compile(r"samlad\.(\w+)(\.\w+)*")

# What each layer of the foundation may use, besides itself.
BELOW = {
    "core": set(),
    "api": {"core"},
    "actors": {"core", "api"},
    "accounts": {"core", "api", "actors"},
    "administration": {"core", "api", "actors", "accounts"},
}


def _named_modules(tree: ast.AST):
    """(line, dotted name) of every module the code imports or names in a string."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
        elif isinstance(node, ast.Constant) and DOTTED.fullmatch(str(node.value)):
            yield node.lineno, node.value


def reaches_upward(app: str) -> list[str]:
    allowed = BELOW[app] | {app}
    found = []
    # Migrations are history: they name the apps their tables depend on by label, not import.
    for path in sorted((SOURCE / app).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for line, name in _named_modules(ast.parse(path.read_text(encoding="utf-8"))):
            match = DOTTED.fullmatch(name) or DOTTED.match(name)
            if match and match.group(1) in APPS and match.group(1) not in allowed:
                found.append(f"{path.relative_to(SOURCE)}:{line} {name}")
    return found


@pytest.mark.parametrize("app", sorted(BELOW))
def test_the_foundation_uses_only_what_lies_below_it(app):
    assert reaches_upward(app) == []


def test_core_imports_no_other_app():
    assert BELOW["core"] == set()
    assert reaches_upward("core") == []


def test_the_api_toolkit_imports_nothing_but_core():
    assert BELOW["api"] == {"core"}
    assert reaches_upward("api") == []


def test_the_check_sees_a_reach_upward():
    tree = ast.parse(
        "import samlad.events.models\n"
        "def f():\n    from samlad.notify.selectors import can_see_outbox\n"
        "URLS = 'samlad.meetings.api_urls'\n"
    )
    assert {name for _line, name in _named_modules(tree)} == {
        "samlad.events.models",
        "samlad.notify.selectors",
        "samlad.meetings.api_urls",
    }
