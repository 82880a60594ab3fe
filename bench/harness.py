"""Shared bench plumbing: a fresh PostgreSQL database, the Django environment, a uvicorn server
and an async load generator that reads the server's own time from the Server-Timing header."""

import asyncio
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SERVER_TIMING = re.compile(r"app;dur=([\d.]+)")


def bench_env(database_url: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "SAMLAD_DEMO": "1",
        "SECRET_KEY": "bench-only-" + "x" * 40,
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "samlad.config.settings",
        "PYTHONPATH": str(ROOT / "src"),
        "SAMLAD_DATA_DIR": str(ROOT / "var" / "bench"),
    }


def fresh_database(url: str) -> None:
    """Drop and create the database named in `url` (PostgreSQL, trust auth)."""
    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def run_django(env: dict, code: str) -> str:
    """Run Python with Django set up in a child process; return its last stdout line."""
    script = "import django; django.setup()\n" + code
    result = subprocess.run(
        [PYTHON, "-c", script], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    )
    return result.stdout.strip().splitlines()[-1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def server(env: dict, *, workers: int = 2):
    """uvicorn serving Samlad; yields its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "uvicorn",
            "samlad.config.asgi:application",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(base + "/healthz", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


async def _load(url: str, *, clients: int, requests: int, headers: dict) -> dict:
    server_ms: list[float] = []
    client_ms: list[float] = []
    statuses: dict[int, int] = {}
    queue: asyncio.Queue = asyncio.Queue()
    for _ in range(requests):
        queue.put_nowait(None)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=60) as client:

        async def worker():
            while not queue.empty():
                queue.get_nowait()
                started = time.perf_counter()
                response = await client.get(url)
                client_ms.append((time.perf_counter() - started) * 1000)
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                match = SERVER_TIMING.search(response.headers.get("server-timing", ""))
                if match:
                    server_ms.append(float(match.group(1)))

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.perf_counter() - started
    return {
        "clients": clients,
        "requests": requests,
        "statuses": statuses,
        "throughput_rps": round(requests / elapsed, 1),
        "server": summary(server_ms),
        "client": summary(client_ms),
    }


def load(url: str, *, clients: int, requests: int, headers: dict | None = None) -> dict:
    """Warm up, then send `requests` GETs from `clients` concurrent clients."""
    asyncio.run(
        _load(url, clients=min(clients, 5), requests=min(20, requests), headers=headers or {})
    )
    return asyncio.run(_load(url, clients=clients, requests=requests, headers=headers or {}))


def summary(values: list[float]) -> dict:
    if not values:
        return {}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {
        "median_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(p95, 1),
        "n": len(ordered),
    }


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "python": sys.version.split()[0]}


def save(name: str, results: dict) -> Path:
    folder = ROOT / "bench" / "results"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return path
