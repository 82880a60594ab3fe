"""The local servers the delivery benchmarks send to, each in its own process, and Samlad's
worker processes: an SMTP server (aiosmtpd, bench/callout_smtp.py), an HTTP server speaking the
46elks API (tests/notify/provider_server.py) and, for webhooks, a second instance of that server
(it takes POSTs to /hooks/…). Each answers GET /_stats with its counts and GET /_reset."""

import os
import signal
import subprocess
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
from harness import PYTHON, ROOT, free_port

ELKS_USER, ELKS_PASSWORD = "u0123456789abcdef", "elks-secret"
FROM = "Samlad <samlad@bench.example>"


@contextmanager
def process(command: list[str], env: dict | None = None, stop=signal.SIGTERM):
    child = subprocess.Popen(command, cwd=ROOT, env=env or os.environ.copy())
    try:
        yield child
    finally:
        child.send_signal(stop)
        try:
            child.wait(timeout=20)
        except subprocess.TimeoutExpired:
            child.kill()


def wait_for(url: str) -> None:
    for _ in range(200):
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up")


def stats(url: str) -> dict:
    return httpx.get(url, timeout=10).json()


class Servers:
    def __init__(self, stack: ExitStack, *, webhooks: bool = False):
        self.smtp_port, smtp_stats_port = free_port(), free_port()
        self.smtp_stats = f"http://127.0.0.1:{smtp_stats_port}"
        self.sms_url = f"http://127.0.0.1:{free_port()}"
        self.hooks_url = f"http://127.0.0.1:{free_port()}" if webhooks else None
        smtp = [PYTHON, "bench/callout_smtp.py", "--port", str(self.smtp_port)]
        stack.enter_context(process([*smtp, "--stats-port", str(smtp_stats_port)]))
        for url in filter(None, (self.sms_url, self.hooks_url)):
            port = url.rsplit(":", 1)[1]
            stack.enter_context(
                process([PYTHON, "tests/notify/provider_server.py", "--port", port])
            )
        for url in filter(None, (self.smtp_stats, self.sms_url, self.hooks_url)):
            wait_for(url + "/_stats")

    def _urls(self) -> list[str]:
        return [url for url in (self.smtp_stats, self.sms_url, self.hooks_url) if url]

    def reset(self) -> None:
        for url in self._urls():
            httpx.get(url + "/_reset")

    def counts(self) -> dict:
        """What the servers have taken, and when they took the last of it (a Unix time)."""
        mail, sms = stats(self.smtp_stats + "/_stats"), stats(self.sms_url + "/_stats")
        found = {
            "email_messages": mail["messages"],
            "email_recipients": mail.get("envelope_recipients", mail["messages"]),
            "email_addresses": mail["recipients"],
            "sms": sms["sms"],
            "sms_numbers": sms.get("sms_numbers", sms["sms"]),
            "last_at": [mail["last_at"], sms["last_at"]],
        }
        if self.hooks_url:
            hooks = stats(self.hooks_url + "/_stats")
            found |= {"hooks": hooks["hooks"], "hook_paths": hooks["hook_paths"]}
            found["last_at"].append(hooks["hooks_last_at"])
        return found

    def wait_until_received(
        self, *, emails: int, sms: int, hooks: int = 0, timeout: float
    ) -> tuple[float, dict]:
        """Wait until the servers have taken `emails` e-mail recipients, `sms` texts and `hooks`
        webhooks; returns when the last was accepted, and the counts."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.counts()
            if (
                found["email_recipients"] >= emails
                and found["sms"] >= sms
                and found.get("hooks", 0) >= hooks
            ):
                return max(t for t in found["last_at"] if t is not None), found
            time.sleep(0.05)
        raise RuntimeError(f"not all of {emails} + {sms} + {hooks} messages arrived: {found}")


def worker_env(env: dict, servers: Servers) -> dict:
    return {
        **env,
        "SAMLAD_DEMO": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(servers.smtp_port),
        "DEFAULT_FROM_EMAIL": FROM,
        "NOTIFY_SMS_PROVIDER": "46elks",
        "ELKS46_API_URL": servers.sms_url,
        "ELKS46_USERNAME": ELKS_USER,
        "ELKS46_PASSWORD": ELKS_PASSWORD,
        # The webhook receivers are local: the worker checks every webhook's address at send.
        "SAMLAD_WEBHOOKS_ALLOW_PRIVATE": "1",
    }


def start_workers(
    stack: ExitStack, env: dict, *, count: int, interval: str, profile_to: str = ""
) -> None:
    """Samlad's worker processes (`manage.py samlad_worker`), as an operator runs them; with
    `profile_to`, each under py-spy (pip install py-spy), writing its collapsed stacks there."""
    command = [PYTHON, "manage.py", "samlad_worker", "--queue-name", "*", "--no-reload"]
    command += ["--interval", interval, "-v", "0"]
    for number in range(count):
        if profile_to:
            spy = [
                str(Path(PYTHON).parent / "py-spy"),
                "record",
                "--subprocesses",
                "--format",
                "raw",
            ]
            output = f"{profile_to}/worker-{number}.txt"
            # py-spy writes its file when interrupted (SIGINT), not when terminated.
            spied = [*spy, "-o", output, "--", *command]
            stack.enter_context(process(spied, env, stop=signal.SIGINT))
        else:
            stack.enter_context(process(command, env))


def clear_outbox() -> None:
    """Empty the outbox between runs (in a process where Django is set up)."""
    from django.db import connection
    from django_tasks_db.models import DBTaskResult

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE notify_delivery, notify_providerhealth")
    DBTaskResult.objects.exclude(status="RUNNING").delete()
