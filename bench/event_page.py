"""Benchmark: the event page and the picture pages/API of an event with 40 actors' reports and
a log book of 1,000 entries, and of one with 100,000, at 1 and 50 concurrent clients, on
PostgreSQL behind uvicorn. Baseline in the same run: /healthz (three small queries).
The whole measurement is repeated; the figures reported are the medians over the rounds.

    .venv/bin/python bench/event_page.py [--rounds 3] [--workers 1] [--limit N] [--pool N]
"""

import argparse
import json
import os
import statistics

from harness import (
    bench_env,
    drop_database,
    fresh_database,
    load,
    machine,
    run_django,
    save,
    server,
    vacuum_analyze,
)

SEED = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from knox.models import AuthToken
from bench.seed_events import PICTURE_VERSIONS, make_event
from samlad.accounts.models import User
from samlad.core.demo import load_all

call_command("migrate", verbosity=0)
load_all()
small = make_event(log_entries=1_000, title="Bänk 1 000")
large = make_event(log_entries=100_000, title="Bänk 100 000")
tib = User.objects.get(username="tib")
session = SessionStore()
session[SESSION_KEY] = str(tib.pk)
session[BACKEND_SESSION_KEY] = "samlad.accounts.backends.SamladBackend"
session[HASH_SESSION_KEY] = tib.get_session_auth_hash()
session.create()
_, token = AuthToken.objects.create(tib)
print(json.dumps({"1,000": str(small.public_id), "100,000": str(large.public_id),
                  "picture": PICTURE_VERSIONS, "session": session.session_key, "token": token}))
"""

# What is measured, as TiB: label, path ({event} and {picture} are filled in), credentials.
# A target that does not answer 200 (e.g. not built yet) is reported as skipped.
TARGETS = [
    ("event page", "/handelser/{event}/", "session"),
    ("pictures API", "/api/v1/events/{event}/pictures/", "token"),
    ("picture version page", "/handelser/{event}/lagesbild/{picture}/", "session"),
    ("print page", "/handelser/{event}/lagesbild/{picture}/utskrift/", "session"),
]
BASELINE = "/healthz (baseline)"
SIZES = ("1,000", "100,000")
CLIENTS = (1, 50)
FIGURES = [(side, figure) for side in ("server", "client") for figure in ("median_ms", "p95_ms")]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/samlad_bench_event_page"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=400, help="per cell at 50 clients")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn workers (make run: 1)")
    parser.add_argument(
        "--limit", type=int, default=None, help="requests in flight per process (0: no cap)"
    )
    parser.add_argument(
        "--pool", type=int, default=None, help="DATABASE_POOL_MAX_SIZE (0: no connection pool)"
    )
    parser.add_argument("--keep-database", action="store_true")
    args = parser.parse_args()

    env = bench_env(args.database_url)
    if args.pool is not None:
        env["DATABASE_POOL_MAX_SIZE"] = str(args.pool)
    fresh_database(args.database_url)
    seeded = json.loads(run_django(env, SEED))
    vacuum_analyze(args.database_url)
    credentials = {
        "session": {"Cookie": f"sessionid={seeded['session']}"},
        "token": {"Authorization": f"Token {seeded['token']}"},
    }
    results = {
        "machine": machine(args.database_url),
        "serving": {"workers": args.workers, "limit": args.limit, "pool": args.pool},
        "rounds": [],
    }
    with server(env, workers=args.workers, limit=args.limit) as base:
        targets = served_targets(base, seeded, credentials)
        results["skipped"] = [label for label, *_ in TARGETS if label not in targets]
        for number in range(1, args.rounds + 1):
            print(f"round {number} of {args.rounds}, load average {os.getloadavg()}", flush=True)
            results["rounds"].append(one_round(base, targets, args.requests))
    if not args.keep_database:
        drop_database(args.database_url)
    results["medians"] = medians(results["rounds"])
    name = f"event_page-w{args.workers}"
    name += "" if args.limit is None else f"-limit{args.limit}"
    name += "" if args.pool is None else f"-pool{args.pool}"
    path = save(name, results)
    print_table(results)
    print(f"\nraw figures: {path}")


def served_targets(base: str, seeded: dict, credentials: dict) -> dict:
    """label -> (urls by log book size, headers), for the targets the server answers."""
    targets = {}
    for label, path, auth in TARGETS:
        urls = {
            size: base + path.format(event=seeded[size], picture=seeded["picture"])
            for size in SIZES
        }
        probe = load(urls, clients=1, requests=2, headers=credentials[auth])
        answers = [figures["statuses"] for figures in probe.values()]
        if answers != [{200: 1}, {200: 1}]:
            print(f"skipped {label}: answered {answers}")
            continue
        targets[label] = (urls, credentials[auth])
    return targets


def one_round(base: str, targets: dict, requests: int) -> list[dict]:
    """Every target at every concurrency, with the baseline measured alongside. Both log book
    sizes of a target are requested in turn in the same run, so they meet the same machine."""
    cells = []
    for clients in CLIENTS:
        count = requests if clients > 1 else max(50, requests // 4)
        figures = load({"-": base + "/healthz"}, clients=clients, requests=count // 2)
        cells.append({"what": BASELINE, "size": "-"} | figures["-"])
        for label, (urls, headers) in targets.items():
            figures = load(urls, clients=clients, requests=count, headers=headers)
            cells.extend({"what": label, "size": size} | figures[size] for size in SIZES)
        cells[-1]["load_average"] = os.getloadavg()
    return cells


def medians(rounds: list[list[dict]]) -> list[dict]:
    """Each cell's figures as the median over the rounds; every answer that was not a 200."""
    merged = []
    for cells in zip(*rounds, strict=True):
        cell = {key: cells[0][key] for key in ("what", "size", "clients")}
        for side, figure in FIGURES:
            cell.setdefault(side, {})[figure] = statistics.median(c[side][figure] for c in cells)
        cell["throughput_rps"] = statistics.median(c["throughput_rps"] for c in cells)
        cell["not_200"] = sum(n for c in cells for s, n in c["statuses"].items() if s != 200)
        merged.append(cell)
    return merged


def print_table(results: dict) -> None:
    rounds = len(results["rounds"])
    print(f"\n{results['machine']}\nserving: {results['serving']}, medians of {rounds} rounds")
    if results["skipped"]:
        print(f"not measured (not answering 200): {', '.join(results['skipped'])}")
    print(
        "| what | clients | log entries | server median ms | server p95 ms | client median ms "
        "| client p95 ms | server median ÷ baseline | server p95 growth 1k→100k | req/s |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    by_key = {(c["what"], c["clients"], c["size"]): c for c in results["medians"]}
    for cell in results["medians"]:
        baseline = by_key[(BASELINE, cell["clients"], "-")]["server"]["median_ms"]
        growth = ""
        if cell["size"] == SIZES[1]:
            small = by_key[(cell["what"], cell["clients"], SIZES[0])]["server"]["p95_ms"]
            growth = f"{(cell['server']['p95_ms'] / small - 1) * 100:+.0f}%"
        server, client = cell["server"], cell["client"]
        errors = f" ({cell['not_200']} not 200)" if cell["not_200"] else ""
        print(
            f"| {cell['what']}{errors} | {cell['clients']} | {cell['size']} "
            f"| {server['median_ms']:.0f} | {server['p95_ms']:.0f} | {client['median_ms']:.0f} "
            f"| {client['p95_ms']:.0f} | {server['median_ms'] / max(baseline, 0.1):.1f}× "
            f"| {growth} | {cell['throughput_rps']:.0f} |"
        )


if __name__ == "__main__":
    main()
