"""Issue 12 item 5: `PORT=8771 make run` sends answer links that work as printed (demo mode
derives SITE_URL from HOST and PORT unless SITE_URL is set)."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def run_script():
    spec = importlib.util.spec_from_file_location("samlad_run_script", ROOT / "scripts" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def site_url_seen_by_django(env: dict[str, str]) -> str:
    """SITE_URL as the web server and worker started by run.py read it."""
    shown = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.SITE_URL)"],
        env=env | {"DJANGO_SETTINGS_MODULE": "samlad.config.settings"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return shown.stdout.strip()


def base_env(**extra) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in {"SITE_URL", "HOST", "PORT", "SAMLAD_DEMO"}
    }
    return env | extra


def test_make_run_on_another_port_sends_links_to_that_port(run_script):
    env = run_script.environment(base_env(PORT="8771", SAMLAD_DEMO="1"))
    assert site_url_seen_by_django(env) == "http://127.0.0.1:8771"


def test_make_run_on_every_address_sends_links_to_the_local_address(run_script):
    env = run_script.environment(base_env(PORT="8772", HOST="0.0.0.0", SAMLAD_DEMO="1"))
    assert env["SITE_URL"] == "http://127.0.0.1:8772"
    named = run_script.environment(base_env(PORT="8773", HOST="samlad.lan", SAMLAD_DEMO="1"))
    assert named["SITE_URL"] == "http://samlad.lan:8773"


def test_a_site_url_that_is_set_is_kept(run_script):
    env = run_script.environment(
        base_env(PORT="8771", SAMLAD_DEMO="1", SITE_URL="https://samlad.example.se")
    )
    assert site_url_seen_by_django(env) == "https://samlad.example.se"


def test_outside_demo_mode_the_site_url_is_not_guessed(run_script):
    env = run_script.environment(base_env(PORT="8771", SAMLAD_DEMO="0"))
    assert "SITE_URL" not in env
