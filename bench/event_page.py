"""Benchmark: the event page and the pictures API with 40 actors' reports, for an event with
1,000 log entries and one with 100,000, at 1 and 50 concurrent clients, on PostgreSQL.
Baseline in the same run: /healthz (one trivial query).

    .venv/bin/python bench/event_page.py [--requests 400] [--database-url URL]
"""

import argparse
import json

from harness import bench_env, fresh_database, load, machine, run_django, save, server

SEED = """
import json
from bench.seed_events import make_event
from samlad.actors.demo import load_demo
from samlad.accounts.models import User
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from knox.models import AuthToken

load_demo()
small = make_event(log_entries=1000, title="Bänk 1 000")
large = make_event(log_entries=100000, title="Bänk 100 000")
tib = User.objects.get(username="tib")
session = SessionStore()
session[SESSION_KEY] = str(tib.pk)
session[BACKEND_SESSION_KEY] = "samlad.accounts.backends.SamladBackend"
session[HASH_SESSION_KEY] = tib.get_session_auth_hash()
session.create()
_, token = AuthToken.objects.create(tib)
print(json.dumps({"small": str(small.public_id), "large": str(large.public_id),
                  "session": session.session_key, "token": token}))
"""

PAGE = "/handelser/{event}/"
PICTURES_API = "/api/v1/events/{event}/pictures/"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/samlad_bench")
    parser.add_argument("--requests", type=int, default=400)
    args = parser.parse_args()

    env = bench_env(args.database_url)
    fresh_database(args.database_url)
    run_django(
        env,
        "from django.core.management import call_command; "
        "call_command('migrate', verbosity=0); print('ok')",
    )
    seeded = json.loads(run_django(env, SEED))
    cookies = {"Cookie": f"sessionid={seeded['session']}"}
    token = {"Authorization": f"Token {seeded['token']}"}

    results = {"machine": machine(), "requests_per_cell": args.requests, "cells": []}
    with server(env) as base:
        for clients in (1, 50):
            requests = args.requests if clients > 1 else max(50, args.requests // 4)
            cell = {
                "clients": clients,
                "baseline_healthz": load(base + "/healthz", clients=clients, requests=requests),
            }
            for size in ("small", "large"):
                event = seeded[size]
                cell[f"page_{size}"] = load(
                    base + PAGE.format(event=event),
                    clients=clients,
                    requests=requests,
                    headers=cookies,
                )
                cell[f"api_{size}"] = load(
                    base + PICTURES_API.format(event=event),
                    clients=clients,
                    requests=requests,
                    headers=token,
                )
            results["cells"].append(cell)
    path = save("event_page", results)
    print_table(results)
    print(f"\nraw figures: {path}")


def print_table(results: dict) -> None:
    print(f"machine: {results['machine']}")
    print("| what | clients | log entries | median ms | p95 ms | vs /healthz median | rps |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for cell in results["cells"]:
        base = cell["baseline_healthz"]["server"]["median_ms"] or 0.1
        rows = [("/healthz (baseline)", "-", cell["baseline_healthz"])]
        for kind, label in (("page", "event page"), ("api", "pictures API")):
            rows.append((label, "1,000", cell[f"{kind}_small"]))
            rows.append((label, "100,000", cell[f"{kind}_large"]))
        for label, size, figures in rows:
            server = figures["server"]
            print(
                f"| {label} | {cell['clients']} | {size} | {server['median_ms']} | "
                f"{server['p95_ms']} | {server['median_ms'] / base:.1f}× | "
                f"{figures['throughput_rps']} |"
            )
        for kind in ("page", "api"):
            small = cell[f"{kind}_small"]["server"]["p95_ms"]
            large = cell[f"{kind}_large"]["server"]["p95_ms"]
            print(
                f"| growth {kind} p95 1,000→100,000 | {cell['clients']} | | | "
                f"{(large / small - 1) * 100:+.0f}% | | |"
            )


if __name__ == "__main__":
    main()
