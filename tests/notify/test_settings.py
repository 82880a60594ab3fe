"""Delivery settings come from the environment and are checked at start-up: a misspelt value
(a true/false that is neither, an unknown SMS provider, a number that is not one) stops Samlad
with a message naming the setting, instead of quietly meaning something else."""

import os
import subprocess
import sys

import pytest

SHOW = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.NOTIFY_EARLY_FALLBACK, s.NOTIFY_DEMO_OUTBOX, s.NOTIFY_SMS_PROVIDER, "
    "s.NOTIFY_MAX_ATTEMPTS, s.NOTIFY_HTTP_TIMEOUT, sep='|')"
)


def start(tmp_path, **environment) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NOTIFY_", "SAMLAD_DEMO"))}
    env |= {"SECRET_KEY": "x" * 50, "SAMLAD_DATA_DIR": str(tmp_path), **environment}
    return subprocess.run(
        [sys.executable, "-c", SHOW], env=env, capture_output=True, text=True, timeout=60
    )


def test_good_values_are_read_from_the_environment(tmp_path):
    result = start(
        tmp_path,
        NOTIFY_EARLY_FALLBACK="off",
        NOTIFY_DEMO_OUTBOX="TRUE",
        NOTIFY_SMS_PROVIDER="twilio",
        NOTIFY_MAX_ATTEMPTS="3",
        NOTIFY_HTTP_TIMEOUT="2.5",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().split("|") == ["False", "True", "twilio", "3", "2.5"]


def test_unset_or_empty_values_mean_the_defaults(tmp_path):
    result = start(tmp_path, NOTIFY_EARLY_FALLBACK="", NOTIFY_SMS_PROVIDER="")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().split("|") == ["True", "None", "", "5", "5.0"]


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        (
            "NOTIFY_EARLY_FALLBACK",
            "ture",
            "NOTIFY_EARLY_FALLBACK must be true or false, not 'ture'",
        ),
        ("NOTIFY_DEMO_OUTBOX", "ja", "NOTIFY_DEMO_OUTBOX must be true or false, not 'ja'"),
        (
            "NOTIFY_SMS_PROVIDER",
            "46elk",
            "NOTIFY_SMS_PROVIDER must be one of 46elks, twilio, demo, not '46elk'",
        ),
        ("NOTIFY_MAX_ATTEMPTS", "5x", "NOTIFY_MAX_ATTEMPTS must be a whole number, not '5x'"),
        ("NOTIFY_HTTP_TIMEOUT", "fem", "NOTIFY_HTTP_TIMEOUT must be a number, not 'fem'"),
    ],
)
def test_a_misspelt_value_stops_start_up_naming_the_setting(tmp_path, name, value, message):
    result = start(tmp_path, **{name: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr
