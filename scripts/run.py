"""`make run`: migrate, load the demo data, then serve Samlad (uvicorn, WEB_CONCURRENCY processes,
2 by default) with its worker. Stops both when either stops or on Ctrl+C."""

import os
import signal
import subprocess
import sys
import time

PYTHON = sys.executable
ANY_ADDRESS = {"", "0.0.0.0", "::"}  # noqa: S104 (recognised, not bound to)


def is_demo(environ) -> bool:
    return environ.get("SAMLAD_DEMO", "") not in {"", "0", "false", "no"}


def environment(environ) -> dict[str, str]:
    """The children's environment. In demo mode, unless SITE_URL is set, the links in messages
    point at the address served here (HOST and PORT), so they work as printed."""
    env = dict(environ)
    if is_demo(env) and not env.get("SITE_URL", "").strip():
        host = env.get("HOST", "").strip()
        host = "127.0.0.1" if host in ANY_ADDRESS else host
        host = f"[{host}]" if ":" in host else host
        env["SITE_URL"] = f"http://{host}:{env.get('PORT', '8000')}"
    return env


def manage(*args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], check=True)


def stop(signum, frame) -> None:
    raise KeyboardInterrupt


def main() -> int:
    os.environ.update(environment(os.environ))
    port = os.environ.get("PORT", "8000")
    manage("migrate", "--no-input", "-v", "0")
    if is_demo(os.environ):
        manage("load_demo")
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "uvicorn",
            "samlad.config.asgi:application",
            "--host",
            os.environ.get("HOST", "127.0.0.1"),
            "--port",
            port,
            "--workers",
            os.environ.get("WEB_CONCURRENCY", "2"),
            "--no-access-log",
            "--timeout-graceful-shutdown",
            "5",
        ]
    )
    worker = subprocess.Popen(
        [PYTHON, "manage.py", "samlad_worker", "--queue-name", "*", "--no-reload", "-v", "1"]
    )
    shown = os.environ.get("SITE_URL") or f"http://127.0.0.1:{port}"
    print(f"Samlad is running on {shown.rstrip('/')}/ (Ctrl+C stops it)", flush=True)
    children = [server, worker]
    signal.signal(signal.SIGTERM, stop)
    try:
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
    return max((child.returncode or 0) for child in children)


if __name__ == "__main__":
    sys.exit(main())
