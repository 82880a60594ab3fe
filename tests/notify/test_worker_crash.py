"""The worker process is killed (SIGKILL) in the middle of a 2,000-recipient call-out and started
again: every recipient ends up with exactly one message per channel, counted at the servers.

SMS: the provider is asked about every message the dead worker may have been sending, so nothing
it had accepted is sent again. E-mail: SMTP cannot be asked; a message the dead worker may have
handed over is sent again with the same Message-ID, so the recipient's mail system sees one
message (docs/delivery.md). The test counts distinct Message-IDs per mailbox and checks that every
extra copy the server saw is such a re-send."""

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection, transaction
from provider_server import ELKS_PASSWORD, ELKS_USER, ProviderServer

from samlad.notify import outbox
from samlad.notify.models import Delivery, DeliveryStatus
from smtp import LocalSMTPServer

ROOT = Path(__file__).resolve().parents[2]
RECIPIENTS = 2000

pytestmark = pytest.mark.django_db(transaction=True)


def _database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    return f"postgres://{settings['USER']}{password}@{host}:{port}/{settings['NAME']}"


def _worker_env(smtp: LocalSMTPServer, sms: ProviderServer) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samlad.config.settings",
        "PYTHONPATH": str(ROOT / "src"),
        "DATABASE_URL": _database_url(),
        "SECRET_KEY": "crash-test-" + "x" * 40,
        "SAMLAD_DEMO": "0",
        "LOG_LEVEL": "ERROR",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": smtp.host,
        "EMAIL_PORT": str(smtp.port),
        "NOTIFY_SMS_PROVIDER": "46elks",
        "ELKS46_API_URL": sms.url,
        "ELKS46_USERNAME": ELKS_USER,
        "ELKS46_PASSWORD": ELKS_PASSWORD,
        "NOTIFY_LEASE_SECONDS": "3",
        "NOTIFY_SWEEP_SECONDS": "1",
    }


def _start_worker(env: dict, log: Path) -> subprocess.Popen:
    command = [sys.executable, "manage.py", "samlad_worker", "--queue-name", "*"]
    command += ["--interval", "0.2", "--no-startup-delay", "--no-reload", "-v", "0"]
    with log.open("ab") as output:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)


def _call_out() -> None:
    messages = []
    for n in range(RECIPIENTS):
        common = {"topic": "activation:crash", "subject": "Aktivering", "exercise": False}
        text = f"Aktivering: anslut till samordnande forum. Mottagare {n}."
        messages.append(
            outbox.Message(
                key=f"crash:{n}:email",
                channel="email",
                address=f"m{n}@example.org",
                body=text,
                **common,
            )
        )
        messages.append(
            outbox.Message(
                key=f"crash:{n}:sms", channel="sms", address=f"+4670{n:07d}", body=text, **common
            )
        )
    with transaction.atomic():
        outbox.enqueue_many(messages)  # wakes the worker after the commit


def _received(smtp: LocalSMTPServer, sms: ProviderServer) -> int:
    return len(smtp._collector.envelopes) + len(sms.state.sms)


def _wait(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def test_a_worker_killed_mid_call_out_and_restarted_reaches_everyone_once_per_channel(
    tmp_path,
):
    log = tmp_path / "worker.log"
    with LocalSMTPServer() as smtp, ProviderServer() as sms:
        env = _worker_env(smtp, sms)
        _call_out()
        first = _start_worker(env, log)
        try:
            _wait(lambda: _received(smtp, sms) >= 0.3 * 2 * RECIPIENTS, 120, "the first 30%")
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=10)
            at_kill = _received(smtp, sms)
            assert at_kill < 2 * RECIPIENTS, "the worker finished before it could be killed"

            restarted = [_start_worker(env, log), _start_worker(env, log)]
            done = Delivery.objects.exclude(status=DeliveryStatus.SENT)
            _wait(lambda: not done.exists(), 180, f"every delivery to be sent ({log})")
        finally:
            for worker in [first, *locals().get("restarted", [])]:
                if worker.poll() is None:
                    worker.terminate()
                    worker.wait(timeout=20)
        emails = smtp.messages
        texts = [(message.to, message.text) for message in sms.sms]

    sms_per_number = Counter(to for to, _text in texts)
    assert len(sms_per_number) == RECIPIENTS
    assert set(sms_per_number.values()) == {1}, "an SMS was sent twice"

    ids_per_mailbox: dict[str, set] = {}
    for message in emails:
        ids_per_mailbox.setdefault(message["To"], set()).add(message["Message-ID"])
    assert len(ids_per_mailbox) == RECIPIENTS
    assert all(len(ids) == 1 for ids in ids_per_mailbox.values()), "two different e-mails"
    copies = Counter(message["To"] for message in emails)
    recovered = dict(Delivery.objects.filter(channel="email").values_list("address", "recovered"))
    for address, count in copies.items():
        assert count - 1 <= recovered[address], f"{address}: a copy that was not a re-send"
    assert Delivery.objects.filter(recovered__gt=0).exists(), "the kill interrupted nothing"
