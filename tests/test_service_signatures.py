"""Every service says who acts: its `by` is typed as a User, so mypy checks what each caller
passes (and `User | None` says out loud that the platform itself may act, as a scheduled
call-out or a feed import does)."""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "samlad"
ALLOWED = {"User", "User | None"}
# The layers below accounts may not import its User (tests/test_import_direction.py): there
# who acts is Django's user model, which accounts.User extends.
BELOW_ACCOUNTS = {"core", "api", "actors"}
ALLOWED_BELOW_ACCOUNTS = {"AbstractUser", "AbstractUser | None"}


def service_modules():
    for path in sorted(SRC.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        if path.stem == "services" or "services" in path.relative_to(SRC).parts[:-1]:
            yield path


def untyped_by(path: Path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            arguments = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
            for argument in arguments:
                if argument.arg != "by":
                    continue
                annotation = ast.unparse(argument.annotation) if argument.annotation else None
                below = path.relative_to(SRC).parts[0] in BELOW_ACCOUNTS
                if annotation not in (ALLOWED_BELOW_ACCOUNTS if below else ALLOWED):
                    yield f"{path.relative_to(SRC)}:{node.lineno} {node.name}(by: {annotation})"


def test_there_are_services_to_check():
    assert len(list(service_modules())) > 20


def test_every_service_types_who_acts_as_a_user():
    offenders = [line for path in service_modules() for line in untyped_by(path)]
    assert offenders == [], "type `by` as User (or User | None):\n" + "\n".join(offenders)
