"""PostgreSQL restarts in the middle of a call-out. The test starts a server of its own
(tests/faults/own_postgres.py), the web process (uvicorn, as in production) and the real worker
on it, and has TiB activate the coordinating forum through the API. Once some SMS are out, the
database stops: the web answers 503 problem documents meanwhile and the worker waits. When the
database is back, without restarting either process, every recipient gets each message exactly
once (counted at the local SMTP and SMS servers) and the board shows every actor reached."""

import json
import subprocess
import time
from collections import Counter

import httpx
import pytest
from own_postgres import OwnPostgres, why_not

import clocked
from notify.provider_server import ProviderServer, free_port
from smtp import LocalSMTPServer
from worker import ROOT, running_worker, wait_until, worker_env

pytestmark = pytest.mark.skipif(why_not() is not None, reason=str(why_not()))

DOWN_SECONDS = 4


def prepare(env: dict) -> dict:
    """Migrate the new database, load the demo registry; TiB's token and the forum."""
    done = subprocess.run(
        clocked.command(str(ROOT / "tests" / "faults" / "prepare.py")),
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


class Web:
    """The ASGI app served by uvicorn in a child process."""

    def __init__(self, env: dict, log):
        self.port = free_port()
        command = clocked.command("-m", "uvicorn", "samlad.config.asgi:application")
        command += ["--host", "127.0.0.1", "--port", str(self.port), "--no-access-log"]
        with log.open("ab") as output:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=output, stderr=output
            )

    def client(self, token: str) -> httpx.Client:
        return httpx.Client(
            base_url=f"http://127.0.0.1:{self.port}",
            headers={"Authorization": f"Token {token}"},
            timeout=30,
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


def _answers(api: httpx.Client, path: str) -> bool:
    try:
        return api.get(path).status_code == 200
    except httpx.TransportError:
        return False


def test_a_database_restart_mid_call_out_sends_every_message_once_and_the_board_recovers(
    tmp_path,
):
    log = tmp_path / "processes.log"
    # SMS take a second each, four at a time: the call-out is still sending when the database
    # stops.
    slow_sms = ProviderServer(slow_share=1.0, slow_seconds=1.0)
    with OwnPostgres() as pg, LocalSMTPServer() as smtp, slow_sms as sms:
        env = worker_env(
            smtp,
            sms,
            DATABASE_URL=pg.create_database("samlad"),
            SAMLAD_DATA_DIR=str(tmp_path / "data"),
            DATABASE_POOL_TIMEOUT="2",
            NOTIFY_HTTP_CONCURRENCY="4",
        )
        given = prepare(env)
        web = Web(env, log)
        try:
            with running_worker(env, log) as worker, web.client(given["token"]) as api:
                wait_until(lambda: _answers(api, "/api/v1/me/"), 60, f"the web process ({log})")
                created = api.post(
                    "/api/v1/activations/",
                    json={"forum": given["forum"], "reason": "Stormen Gudrun: el och tele ute."},
                )
                assert created.status_code == 201, created.text
                board = f"/api/v1/activations/{created.json()['id']}/"
                recipients = api.get(board + "recipients/").json()["results"]
                expected = Counter(
                    (
                        delivery["channel"],
                        row["email"] if delivery["channel"] == "email" else row["phone"],
                    )
                    for row in recipients
                    for delivery in row["deliveries"]
                )
                assert expected["sms", None] == 0 and expected["email", None] == 0

                wait_until(lambda: len(sms.sms) >= 4, 60, f"the first SMS ({log})")
                pg.stop()
                stopped_after = len(sms.sms)
                assert stopped_after < sum(n for (ch, _), n in expected.items() if ch == "sms")

                down = api.get(board)
                assert down.status_code == 503, down.text
                assert down.headers["content-type"] == "application/problem+json"
                assert down.json()["code"] == "database_unavailable"
                assert down.headers["retry-after"]
                time.sleep(DOWN_SECONDS)
                assert worker.poll() is None, f"the worker stopped with the database ({log})"
                assert web.process.poll() is None
                pg.start()

                wait_until(lambda: _answers(api, board), 60, f"the web to answer again ({log})")

                def everything_sent() -> bool:
                    rows = api.get(board + "recipients/").json()["results"]
                    states = [d["status"] for row in rows for d in row["deliveries"]]
                    return all(state == "sent" for state in states)

                wait_until(everything_sent, 120, f"every delivery to be sent ({log})")
                figures = api.get(board).json()["figures"]
        finally:
            web.stop()
        received = Counter(("sms", message.to) for message in sms.sms)
        received.update(("email", message["To"]) for message in smtp.messages)

    assert figures["reached"] == figures["actors"] and figures["not_reached"] == 0
    assert received == expected, "a message was lost or sent twice"
