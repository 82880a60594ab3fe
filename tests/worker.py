"""The real background worker (`manage.py samlad_worker`) as a child process of a test, on the
test database, sending to the local SMTP server (tests/smtp.py) and the local SMS-provider server
(tests/notify/provider_server.py). Tests that use it commit (django_db(transaction=True)).

The worker runs on the test clock (tests/clocked.py) and runs only the periodic jobs a test asks
for: by default just the outbox's own sweep (retries, a dead worker's claims), never the weekly
conference call-out, escalation, digests or feed polling.

    env = worker_env(smtp, sms, NOTIFY_MAX_ATTEMPTS="3")
    with running_worker(env, tmp_path / "worker.log"):
        ...                                   # commit deliveries; the worker sends them
        wait_until(lambda: ..., 60, "every message to be sent")"""

import os
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

import clocked

ROOT = Path(__file__).resolve().parents[1]


def database_url() -> str:
    """The test database, as the worker's DATABASE_URL."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    return f"postgres://{settings['USER']}{password}@{host}:{port}/{settings['NAME']}"


def worker_env(smtp, sms, **extra: str) -> dict:
    """The environment of a worker sending e-mail to `smtp` and SMS (46elks) to `sms`."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samlad.config.settings",
        "PYTHONPATH": str(ROOT / "src"),
        "DATABASE_URL": database_url(),
        "SECRET_KEY": "worker-test-" + "x" * 40,
        "SAMLAD_DEMO": "0",
        "LOG_LEVEL": "ERROR",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": smtp.host,
        "EMAIL_PORT": str(smtp.port),
        **{name: str(value) for name, value in sms.elks_settings().items()},
        "NOTIFY_LEASE_SECONDS": "3",
        "NOTIFY_SWEEP_SECONDS": "1",
        **extra,
    }


DELIVERY_JOBS = ("notify.sweep",)


def start_worker(
    env: dict, log: Path, *, jobs: tuple[str, ...] = DELIVERY_JOBS
) -> subprocess.Popen:
    """The worker, running the periodic jobs named in `jobs` (shell-style names; () for none)."""
    command = clocked.command("manage.py", "samlad_worker")
    command += ["--queue-name", "*", "--interval", "0.2", "--no-startup-delay", "--no-reload"]
    command += ["-v", "0"]
    command += ["--jobs", ",".join(jobs)] if jobs else ["--no-scheduler"]
    with log.open("ab") as output:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)


def stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        worker.terminate()
        worker.wait(timeout=20)


@contextmanager
def running_worker(env: dict, log: Path, *, jobs: tuple[str, ...] = DELIVERY_JOBS):
    """One worker for the duration of the block, stopped (SIGTERM) at its end."""
    worker = start_worker(env, log, jobs=jobs)
    try:
        yield worker
    finally:
        stop(worker)


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)
