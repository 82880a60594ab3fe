"""Run mypy over src/samlad and hold the line: strict modules have no errors, and each module on
the ratchet list (the `[[tool.mypy.overrides]]` in pyproject.toml that turns
`disallow_untyped_defs` off) has at most the number of errors recorded in mypy-baseline.json.

A module with more errors than its baseline fails. So does one with fewer: lower the baseline
(`scripts/mypy_ratchet.py --lower`) and commit it, so the number can only go down. When code moves
from one ratcheted module to another, move its count in mypy-baseline.json by hand.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "mypy-baseline.json"
ERROR_LINE = re.compile(r"^(?P<path>[^:\s]+\.pyi?):(?:\d+:)?(?:\d+:)? error: ")


def ratchet_list() -> list[str]:
    """The module patterns of the override that loosens the strict setting, in file order."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    for override in config["tool"]["mypy"].get("overrides", []):
        if override.get("disallow_untyped_defs") is False:
            modules = override["module"]
            return [modules] if isinstance(modules, str) else list(modules)
    return []


def module_of(path: str) -> str:
    parts = list(Path(path).with_suffix("").parts)
    if parts[0] == "src":
        parts = parts[1:]
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def pattern_for(module: str, patterns: list[str]) -> str | None:
    """The most specific ratchet pattern that covers the module, as mypy would match it."""
    best = None
    for pattern in patterns:
        if pattern.endswith(".*"):
            package = pattern[:-2]
            covers = module == package or module.startswith(package + ".")
        else:
            covers = module == pattern
        if covers and (best is None or len(pattern) > len(best)):
            best = pattern
    return best


def run_mypy() -> list[str]:
    # The django-stubs plugin imports the settings, which refuse to load without a secret.
    env = {**os.environ, "SECRET_KEY": os.environ.get("SECRET_KEY") or "type-checking-only"}
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    errors = [line for line in result.stdout.splitlines() if ERROR_LINE.match(line)]
    if result.returncode > 1 or (result.returncode == 1 and not errors):
        sys.stdout.write(result.stdout + result.stderr)
        raise SystemExit(f"mypy did not run through (exit {result.returncode})")
    return errors


def key_for(module: str, patterns: list[str]) -> str:
    pattern = pattern_for(module, patterns)
    return pattern.removesuffix(".*") if pattern else f"strict: {module}"


def compare(counts: dict[str, int], baseline: dict[str, int], patterns: list[str]) -> list[str]:
    problems = []
    keys = {pattern.removesuffix(".*") for pattern in patterns}
    for key in sorted(set(counts) | set(baseline)):
        now, allowed = counts.get(key, 0), baseline.get(key, 0)
        if key.startswith("strict: "):
            problems.append(f"{key[8:]}: {now} error(s); strict modules must have none")
        elif key not in keys:
            problems.append(f"{key}: in mypy-baseline.json but not on the ratchet list; remove it")
        elif now > allowed:
            problems.append(f"{key}: {now} errors, the baseline allows {allowed}; fix the new ones")
        elif now < allowed:
            problems.append(
                f"{key}: {now} errors, fewer than the baseline's {allowed}. Good: lower the "
                "baseline (scripts/mypy_ratchet.py --lower) and commit mypy-baseline.json"
            )
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lower", action="store_true", help="lower mypy-baseline.json to now")
    args = parser.parse_args()

    patterns = ratchet_list()
    errors = run_mypy()
    by_key: dict[str, list[str]] = defaultdict(list)
    for line in errors:
        path = line.split(":", 1)[0]
        by_key[key_for(module_of(path), patterns)].append(line)
    counts = {key: len(lines) for key, lines in by_key.items()}
    baseline = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}

    if args.lower:
        lowered = {k: min(v, counts.get(k, 0)) for k, v in baseline.items() if counts.get(k)}
        BASELINE.write_text(json.dumps(lowered, indent=2, sort_keys=True) + "\n")
        baseline = lowered

    problems = compare(counts, baseline, patterns)
    for key, lines in sorted(by_key.items()):
        if counts[key] > baseline.get(key, 0):
            print("\n".join(lines))
    for problem in problems:
        print(f"mypy ratchet: {problem}")
    total = sum(counts.values())
    print(f"mypy: {total} error(s), the baseline allows {sum(baseline.values())}")
    for pattern in patterns:
        if not counts.get(pattern.removesuffix(".*")):
            print(f"mypy ratchet: {pattern} is clean at the loose setting; try it strict")
    if problems:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
