"""A real HTTP server on 127.0.0.1 that speaks the SMS APIs Samlad uses, 46elks and Twilio, and
takes webhooks, keeping everything it accepts. It can be told to fail a share of requests (503),
to accept a share and answer too late (the client times out: did it go through?), or to be down
(nothing listens on its port).

    with ProviderServer(fail_share=0.3) as server, override_settings(**server.elks_settings()):
        ...
        server.sms_to("+46701234567")      # the texts accepted for that number

Run as a program it serves in the foreground (benchmarks use it in a child process) and answers
GET /_stats with counts and GET /_reset to forget everything."""

import argparse
import asyncio
import base64
import json
import random
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from urllib.parse import parse_qs

import uvicorn

ELKS_USER, ELKS_PASSWORD = "u0123456789abcdef", "elks-secret"
TWILIO_SID, TWILIO_TOKEN = "AC0123456789abcdef0123456789abcdef", "twilio-token"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Sms:
    id: str
    api: str  # "46elks" or "twilio"
    sender: str
    to: str
    text: str
    created: datetime


@dataclass
class Hook:
    path: str
    body: bytes
    headers: dict
    at: float = field(default_factory=time.time)


@dataclass
class State:
    fail_share: float = 0.0
    slow_share: float = 0.0
    slow_seconds: float = 2.0
    seed: int = 1
    sms: list[Sms] = field(default_factory=list)
    hooks: list[Hook] = field(default_factory=list)
    requests: int = 0
    failed: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self):
        self.random = random.Random(self.seed)  # test data


class ProviderApp:
    """The ASGI application."""

    def __init__(self, state: State):
        self.state = state

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        status, payload, delay = self.handle(scope, body)
        if delay:
            await asyncio.sleep(delay)
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(data))]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": data})

    def handle(self, scope, body: bytes):
        path = scope["path"]
        if path.startswith("/_"):
            return (*self.control(path), 0)
        with self.state.lock:
            self.state.requests += 1
            roll = self.state.random.random()
            if roll < self.state.fail_share:
                self.state.failed += 1
                return 503, {"message": "Service unavailable (test failure)"}, 0
        slow = roll < self.state.fail_share + self.state.slow_share
        delay = self.state.slow_seconds if slow else 0
        headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
        if path.startswith("/hooks/"):
            with self.state.lock:
                self.state.hooks.append(Hook(path, body, headers))
            return 200, {"ok": True}, delay
        status, payload = self.sms_api(scope, headers, body)
        return status, payload, delay if scope["method"] == "POST" and status < 300 else 0

    def control(self, path: str):
        if path == "/_stats":
            return 200, self.stats()
        with self.state.lock:
            self.state.sms.clear()
            self.state.hooks.clear()
            self.state.requests = self.state.failed = 0
        return 200, {}

    def sms_api(self, scope, headers: dict, body: bytes):
        path, method = scope["path"], scope["method"]
        query = {k: v[0] for k, v in parse_qs(scope["query_string"].decode()).items()}
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        if path == "/a1/sms":
            if not _basic_auth_is(headers, ELKS_USER, ELKS_PASSWORD):
                return 401, b"API access requires Basic HTTP authentication"
            return self.elks_send(form) if method == "POST" else (200, self.elks_list(query))
        if path == f"/2010-04-01/Accounts/{TWILIO_SID}/Messages.json":
            if not _basic_auth_is(headers, TWILIO_SID, TWILIO_TOKEN):
                return 401, {"code": 20003, "message": "Authenticate", "status": 401}
            return self.twilio_send(form) if method == "POST" else (200, self.twilio_list(query))
        return 404, {"message": "not found"}

    def elks_send(self, form: dict):
        missing = [name for name in ("from", "to", "message") if not form.get(name)]
        if missing:
            return 400, f"Missing key {missing[0]}".encode()
        if not form["to"].startswith("+"):
            return 400, b"Invalid to number"
        sms = self.keep("46elks", "s" + uuid.uuid4().hex, form["from"], form["to"], form["message"])
        return 200, {
            "status": "created",
            "direction": "outgoing",
            "from": sms.sender,
            "created": _elks_time(sms.created),
            "parts": 1,
            "to": sms.to,
            "cost": 3500,
            "message": sms.text,
            "id": sms.id,
        }

    def elks_list(self, query: dict) -> dict:
        found = [sms for sms in self.kept("46elks") if not query.get("to") or sms.to == query["to"]]
        if query.get("end"):
            found = [sms for sms in found if _elks_time(sms.created) > query["end"]]
        if query.get("start"):
            found = [sms for sms in found if _elks_time(sms.created) < query["start"]]
        limit = int(query.get("limit", 100))
        page = found[:limit]
        result = {"data": [_elks_json(sms) for sms in page]}
        if len(found) > limit:
            result["next"] = _elks_time(page[-1].created)
        return result

    def twilio_send(self, form: dict):
        if not form.get("To") or not form.get("Body"):
            return 400, {
                "code": 21604,
                "message": "A 'To' phone number is required.",
                "status": 400,
            }
        if not form["To"].startswith("+"):
            return 400, {"code": 21211, "message": "The 'To' number is not valid.", "status": 400}
        sms = self.keep(
            "twilio", "SM" + uuid.uuid4().hex, form.get("From", ""), form["To"], form["Body"]
        )
        return 201, _twilio_json(sms)

    def twilio_list(self, query: dict) -> dict:
        found = [sms for sms in self.kept("twilio") if not query.get("To") or sms.to == query["To"]]
        size = int(query.get("PageSize", 50))
        return {"messages": [_twilio_json(sms) for sms in found[:size]], "next_page_uri": None}

    def keep(self, api: str, sms_id: str, sender: str, to: str, text: str) -> Sms:
        sms = Sms(sms_id, api, sender, to, text, datetime.fromtimestamp(time.time(), UTC))
        with self.state.lock:
            self.state.sms.append(sms)
        return sms

    def kept(self, api: str) -> list[Sms]:
        with self.state.lock:
            return [sms for sms in reversed(self.state.sms) if sms.api == api]

    def stats(self) -> dict:
        with self.state.lock:
            return {
                "requests": self.state.requests,
                "failed": self.state.failed,
                "sms": len(self.state.sms),
                "hooks": len(self.state.hooks),
                "last_at": max((sms.created.timestamp() for sms in self.state.sms), default=None),
                # For benchmarks: how many numbers and webhook paths got something, and when the
                # last webhook was taken.
                "sms_numbers": len({sms.to for sms in self.state.sms}),
                "hook_paths": len({hook.path for hook in self.state.hooks}),
                "hooks_last_at": max((hook.at for hook in self.state.hooks), default=None),
            }


class ProviderServer:
    """The server in a thread of the test process, with its state at hand."""

    def __init__(self, *, fail_share=0.0, slow_share=0.0, slow_seconds=2.0, port=None, seed=1):
        self.state = State(
            fail_share=fail_share, slow_share=slow_share, slow_seconds=slow_seconds, seed=seed
        )
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._server = None
        self._thread = None

    def __enter__(self) -> "ProviderServer":
        self.up()
        return self

    def __exit__(self, *exc_info) -> None:
        self.down()

    def up(self) -> None:
        """Start listening (again, on the same port)."""
        config = uvicorn.Config(
            ProviderApp(self.state),
            host="127.0.0.1",
            port=self.port,
            log_level="error",
            lifespan="off",
            access_log=False,
            timeout_graceful_shutdown=1,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the provider server did not start")
            time.sleep(0.02)

    def down(self) -> None:
        """Stop listening: connections are refused, as when the provider is down."""
        if self._server is not None:
            self._server.should_exit = True
            self._thread.join(timeout=5)
            self._server = None

    @property
    def sms(self) -> list[Sms]:
        with self.state.lock:
            return list(self.state.sms)

    @property
    def hooks(self) -> list[Hook]:
        with self.state.lock:
            return list(self.state.hooks)

    def sms_to(self, number: str) -> list[str]:
        return [sms.text for sms in self.sms if sms.to == number]

    def wait_for_sms(self, count: int, timeout: float = 10.0) -> list[Sms]:
        deadline = time.monotonic() + timeout
        while len(self.sms) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} SMS, got {len(self.sms)}")
            time.sleep(0.02)
        return self.sms

    def elks_settings(self) -> dict:
        return {
            "NOTIFY_SMS_PROVIDER": "46elks",
            "ELKS46_API_URL": self.url,
            "ELKS46_USERNAME": ELKS_USER,
            "ELKS46_PASSWORD": ELKS_PASSWORD,
            "ELKS46_FROM": "Samlad",
        }

    def twilio_settings(self) -> dict:
        return {
            "NOTIFY_SMS_PROVIDER": "twilio",
            "TWILIO_API_URL": self.url,
            "TWILIO_ACCOUNT_SID": TWILIO_SID,
            "TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
            "TWILIO_FROM": "+46766860000",
        }


def _basic_auth_is(headers: dict, username: str, password: str) -> bool:
    expected = base64.b64encode(f"{username}:{password}".encode()).decode()
    return headers.get("authorization", "") == f"Basic {expected}"


def _elks_time(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")


def _elks_json(sms: Sms) -> dict:
    return {
        "id": sms.id,
        "created": _elks_time(sms.created),
        "direction": "outgoing",
        "from": sms.sender,
        "to": sms.to,
        "message": sms.text,
        "status": "delivered",
    }


def _twilio_json(sms: Sms) -> dict:
    return {
        "sid": sms.id,
        "account_sid": TWILIO_SID,
        "to": sms.to,
        "from": sms.sender,
        "body": sms.text,
        "status": "queued",
        "direction": "outbound-api",
        "date_created": format_datetime(sms.created, usegmt=True),
        "date_sent": None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--fail-share", type=float, default=0.0)
    options = parser.parse_args()
    state = State(fail_share=options.fail_share)
    uvicorn.run(
        ProviderApp(state),
        host="127.0.0.1",
        port=options.port,
        log_level="error",
        access_log=False,
        lifespan="off",
    )


if __name__ == "__main__":
    main()
