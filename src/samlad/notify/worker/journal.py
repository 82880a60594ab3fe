"""A worker's note of what the servers accepted, written by the sender thread the moment a
server says yes, before the database hears of it. If the worker dies before it has recorded an
acceptance, the worker that takes the delivery over (on the same host, or wherever
NOTIFY_JOURNAL_DIR is shared) finds it here and marks it sent instead of sending it again.

One append-only file per round of sending, one line per acceptance: the delivery's public id
and the provider's id for the message. A round that ends normally deletes its file; files left
by dead workers are read when deliveries are in doubt, and removed after a day. A file's age is
read from its name (the round's start by the process's clock), not from the file system's
modification time, so a process on a test clock ages files as it ages everything else."""

import contextlib
import os
import time
import uuid
from pathlib import Path

from django.conf import settings

KEEP_SECONDS = 24 * 3600


def directory() -> Path:
    configured = settings.NOTIFY_JOURNAL_DIR
    return Path(configured) if configured else Path(settings.DATA_DIR) / "notify-journal"


class Journal:
    def __init__(self, worker_id: str) -> None:
        folder = directory()
        folder.mkdir(parents=True, exist_ok=True)
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in worker_id)
        self.path = folder / f"{safe}@{int(time.time())}.log"
        self.fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def note(self, public_id: uuid.UUID, provider_message_id: str) -> None:
        """Write one acceptance (one write() call: it survives the process being killed)."""
        line = f"{public_id} {provider_message_id}".replace("\n", " ") + "\n"
        with contextlib.suppress(OSError):  # a full disk must not stop sending
            os.write(self.fd, line.encode())

    def note_many(self, accepted: list[tuple[uuid.UUID, str]]) -> None:
        """Write several acceptances, (public id, provider's id) each, in one write() call."""
        lines = "".join(
            f"{public_id} {message_id}".replace("\n", " ") + "\n"
            for public_id, message_id in accepted
        )
        with contextlib.suppress(OSError):
            os.write(self.fd, lines.encode())

    def close(self, *, remove: bool) -> None:
        os.close(self.fd)
        if remove:
            self.path.unlink(missing_ok=True)


def accepted_earlier() -> dict[str, str]:
    """Every acceptance noted by rounds that did not finish: public id → provider's id.
    Old files are removed on the way."""
    found: dict[str, str] = {}
    folder = directory()
    if not folder.is_dir():
        return found
    cutoff = time.time() - KEEP_SECONDS
    for path in folder.glob("*.log"):
        try:
            if _started(path) < cutoff:
                path.unlink(missing_ok=True)
                continue
            lines = path.read_text(errors="replace").splitlines()
        except OSError:
            continue
        for line in lines:
            public_id, _, message_id = line.partition(" ")
            if public_id:
                found[public_id] = message_id
    return found


def _started(path: Path) -> float:
    """When the round that wrote the file started (its modification time for older names)."""
    _, at, stamp = path.stem.rpartition("@")
    return float(stamp) if at and stamp.isdigit() else path.stat().st_mtime
