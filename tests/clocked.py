"""The test clock, shared by the test process and the processes it starts.

Samlad reads "now" only through django.utils.timezone.now() (ruff bans the other ways). In the
test process time_machine moves that clock; a process the test starts (the worker) is run through
this file, which applies the same clock before Django starts:

    python tests/clocked.py manage.py samlad_worker ...

Every process a test starts goes through `command(...)`: `command("manage.py", "samlad_worker")`,
`command("-m", "uvicorn", ...)`, `command("tests/faults/prepare.py")`.

The clock is a line "<ISO instant>@<real Unix time>": at that real time the clock read that
instant, and it runs on at the real pace from there. It comes from

- SAMLAD_CLOCK_SPEC, set by the suite-wide clock (`--clock` / SAMLAD_TEST_CLOCK, tests/conftest.py);
- SAMLAD_CLOCK_FILE, a file a test rewrites to move the clock of a running worker
  (SharedClock below); the child reads it again every 50 ms."""

import os
import runpy
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import time_machine

POLL_SECONDS = 0.05


def real_time() -> float:
    """Seconds since the epoch by the machine's clock, whatever time_machine is doing."""
    if time_machine.escape_hatch.is_travelling():
        return time_machine.escape_hatch.time.time()
    return time.time()


def spec(instant: datetime) -> str:
    """The clock line saying `instant` is now."""
    return f"{instant.astimezone(UTC).isoformat()}@{real_time()!r}"


def reading(line: str) -> datetime:
    """What a clock line says now."""
    instant, _, at = line.strip().rpartition("@")
    start = datetime.fromisoformat(instant)
    return datetime.fromtimestamp(start.timestamp() + real_time() - float(at), tz=UTC)


class SharedClock:
    """A clock a test moves for itself and for the worker it starts (pass `env()` to it)."""

    def __init__(self, path: Path, start: datetime):
        self.path = path
        self.travel = time_machine.travel(start, tick=True)
        self.traveller = self.travel.start()
        self.path.write_text(spec(start))

    def move_to(self, instant: datetime) -> None:
        self.traveller.move_to(instant)
        self.path.write_text(spec(instant))

    def env(self) -> dict[str, str]:
        return {"SAMLAD_CLOCK_FILE": str(self.path)}

    def stop(self) -> None:
        self.travel.stop()


def _follow(path: Path, traveller) -> None:
    seen = path.read_text()
    while True:
        time.sleep(POLL_SECONDS)
        line = path.read_text()
        if line and line != seen:
            seen = line
            traveller.move_to(reading(line))


def command(*arguments: str) -> list[str]:
    """The command line running a script (or `-m module`) on the test clock."""
    return [sys.executable, str(Path(__file__).resolve()), *arguments]


def start_clock() -> None:
    """Apply the clock named by the environment to this process (nothing if none)."""
    clock_file = os.environ.get("SAMLAD_CLOCK_FILE")
    line = Path(clock_file).read_text() if clock_file else os.environ.get("SAMLAD_CLOCK_SPEC")
    if not line:
        return
    traveller = time_machine.travel(reading(line), tick=True).start()
    if clock_file:
        follower = threading.Thread(target=_follow, args=(Path(clock_file), traveller), daemon=True)
        follower.start()


def _run(arguments: list[str]) -> None:
    if arguments[0] == "-m":
        module, *rest = arguments[1:]
        sys.argv = [module, *rest]
        sys.path[0] = os.getcwd()  # as `python -m` does, not tests/
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        return
    script, *rest = arguments
    sys.argv = [script, *rest]
    sys.path[0] = str(Path(script).resolve().parent)  # the script's folder, not tests/
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    start_clock()
    _run(sys.argv[1:])
