"""Shared bench plumbing: a fresh PostgreSQL database, the Django environment, a uvicorn server
and an async load generator that reads the server's own time from the Server-Timing header."""

import asyncio
import itertools
import json
import os
import platform
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


def _admin_connection(url: str):
    return psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True)


def fresh_database(url: str) -> None:
    """Drop and create the database named in `url` (PostgreSQL, trust auth)."""
    name = url.rsplit("/", 1)[1]
    with _admin_connection(url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    with _admin_connection(url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def vacuum_analyze(url: str) -> None:
    """What autovacuum would have done by the time a real log book is this long."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def run_django(env: dict, code: str) -> str:
    """Run Python with Django set up in a child process; return its last stdout line."""
    script = "import django; django.setup()\n" + code
    result = subprocess.run(
        [PYTHON, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(result.stderr)
    return result.stdout.strip().splitlines()[-1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def server(env: dict, *, workers: int, limit: int | None = None):
    """Samlad as scripts/run.py serves it: uvicorn (with `workers` processes, each working on at
    most `limit` requests at once: SAMLAD_REQUESTS_IN_FLIGHT, its default when None, 0 = no cap)
    and the background worker. Yields the base URL."""
    port = free_port()
    app = "samlad.config.asgi:application"
    web = [PYTHON, "-m", "uvicorn", app, "--port", str(port), "--workers", str(workers)]
    web += ["--no-access-log", "--log-level", "warning"]
    worker = [PYTHON, "manage.py", "samlad_worker", "--queue-name", "*", "--no-reload", "-v", "0"]
    if limit is not None:
        env = env | {"SAMLAD_REQUESTS_IN_FLIGHT": str(limit)}
    processes = [subprocess.Popen(command, env=env, cwd=ROOT) for command in (web, worker)]
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        yield base
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=20)


async def _load(urls: dict[str, str], *, clients: int, requests: int, headers: dict) -> dict:
    server_ms: dict[str, list[float]] = {name: [] for name in urls}
    client_ms: dict[str, list[float]] = {name: [] for name in urls}
    statuses: dict[str, dict] = {name: {} for name in urls}
    turns = itertools.islice(itertools.cycle(urls), requests)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=120) as client:

        async def one_client():
            for name in turns:
                started = time.perf_counter()
                try:
                    response = await client.get(urls[name])
                except httpx.TransportError as error:
                    answer = type(error).__name__
                else:
                    answer = response.status_code
                    client_ms[name].append((time.perf_counter() - started) * 1000)
                    match = SERVER_TIMING.search(response.headers.get("server-timing", ""))
                    if match:
                        server_ms[name].append(float(match.group(1)))
                statuses[name][answer] = statuses[name].get(answer, 0) + 1

        started = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(clients)))
        elapsed = time.perf_counter() - started
    return {
        name: {
            "clients": clients,
            "requests": requests // len(urls),
            "statuses": statuses[name],
            "throughput_rps": round(requests / elapsed, 1),
            "server": summary(server_ms[name]),
            "client": summary(client_ms[name]),
        }
        for name in urls
    }


def load(urls: dict[str, str], *, clients: int, requests: int, headers: dict | None = None):
    """Warm up, then send `requests` GETs from `clients` concurrent clients, taking the `urls`
    in turn, so that each is measured under the same conditions as the others. Returns the
    figures by url name (req/s counts the requests to all of them)."""
    headers = headers or {}
    warm_up = min(20, requests)
    asyncio.run(_load(urls, clients=min(clients, 5), requests=warm_up, headers=headers))
    return asyncio.run(_load(urls, clients=clients, requests=requests, headers=headers))


def summary(values: list[float]) -> dict:
    if not values:
        return {}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"median_ms": round(statistics.median(ordered), 1), "p95_ms": round(p95, 1)}


def machine(database_url: str) -> dict:
    """What the figures were measured on."""
    cpuinfo = Path("/proc/cpuinfo").read_text()
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in cpuinfo.splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    with psycopg.connect(database_url) as conn:
        postgres = conn.execute("SHOW server_version").fetchone()[0]
    return {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": round(memory_kb / 1024**2, 1),
        "postgresql": postgres,
        "python": platform.python_version(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def save(name: str, results: dict) -> Path:
    folder = ROOT / "bench" / "results"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return path
