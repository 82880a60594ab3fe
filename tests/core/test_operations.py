"""Operations: health, security headers, structured logs, settings from the environment."""

import json
import logging
import os
import subprocess
import sys
from datetime import timedelta

import time_machine
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from samlad.config.logs import logging_config
from samlad.core.heartbeat import beat


def test_health_reports_database_ok_and_worker_down_when_no_worker_runs(client, db):
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["database"] == {
        "status": "ok",
        "vendor": body["checks"]["database"]["vendor"],
    }
    assert body["checks"]["worker"]["status"] == "down"


def test_health_is_ok_while_a_worker_beats_and_down_once_it_stops(client, db):
    beat(worker_id="w1", started_at=timezone.now())
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    later = timezone.now() + timedelta(seconds=settings.WORKER_STALE_AFTER_SECONDS + 5)
    with time_machine.travel(later):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["worker"]["status"] == "down"


def test_pages_carry_a_content_security_policy_and_no_framing(client, db):
    response = client.get("/konto/logga-in/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_hsts_is_sent_on_tls_only(client, db):
    assert "Strict-Transport-Security" not in client.get("/konto/logga-in/")
    secure = client.get("/konto/logga-in/", secure=True)
    assert secure["Strict-Transport-Security"].startswith("max-age=31536000")


def test_every_request_is_logged_as_one_json_line_with_its_request_id(client, db, caplog):
    formatter_config = dict(logging_config(level="INFO", json=True)["formatters"]["structured"])
    json_formatter = formatter_config.pop("()")(**formatter_config)
    with caplog.at_level(logging.INFO, logger="samlad.request"):
        response = client.get("/healthz", HTTP_X_REQUEST_ID="abc123")
    assert response["X-Request-ID"] == "abc123"
    record = next(r for r in caplog.records if r.name == "samlad.request")
    line = json.loads(json_formatter.format(record))
    assert line["event"] == "request"
    assert line["path"] == "/healthz"
    assert line["request_id"] == "abc123"
    assert line["status"] in (200, 503)
    assert line["level"] == "info"
    assert "timestamp" in line


@override_settings(DEMO_MODE=True)
def test_demo_mode_is_announced_on_every_page(client, db):
    assert "DEMO" in client.get("/konto/logga-in/").content.decode().upper()


def test_outside_demo_mode_no_demo_banner(client, db):
    assert 'class="demo-banner"' not in client.get("/konto/logga-in/").content.decode()


def _start_django(env_changes: dict) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "SAMLAD_DEMO", "DEBUG", "SAMLAD_TESTING"}
    }
    env.update(env_changes)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_outside_demo_mode_samlad_refuses_to_start_without_a_secret_key(tmp_path):
    result = _start_django({"SAMLAD_DATA_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_settings_come_from_the_environment(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings as s; "
            "print(s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'], s.EMAIL_HOST, s.EMAIL_PORT, "
            "s.CACHES['default']['BACKEND'])",
        ],
        env={
            **os.environ,
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "samlad.example.se",
            "DATABASE_URL": "postgres://u@db.example/samlad",
            "EMAIL_HOST": "smtp.example",
            "EMAIL_PORT": "2525",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
            "SAMLAD_DATA_DIR": str(tmp_path),
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "['samlad.example.se']",
        "django.db.backends.postgresql",
        "smtp.example",
        "2525",
        "django.core.cache.backends.redis.RedisCache",
    ]
