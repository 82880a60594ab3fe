"""Benchmark: a call-out to 200 recipients (the region) and to 10,000 (national scale), an
e-mail with an iCalendar invite and an SMS each, from the moment the activation's transaction
starts writing the outbox until the last message is accepted by the servers (a local SMTP server
and a local 46elks-speaking HTTP server, each in its own process). Samlad sends through its real
worker processes (`manage.py samlad_worker`) on PostgreSQL. In the same run a minimal script
sends the same messages straight to the same servers (bench/callout_minimal.py): the practical
limit. Reports medians and the ratio (minimal time / Samlad time: 1.0 = as fast as the script).

    .venv/bin/python bench/callout.py [--sizes 200,10000] [--repeats 3] [--workers 2]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

from harness import PYTHON, ROOT, bench_env, fresh_database, machine, run_django, save
from servers import Servers, clear_outbox, start_workers, worker_env

sys.path.insert(0, str(Path(__file__).resolve().parent))
import callout_messages as text


def call_out(size: int) -> None:
    """What an activation does: write the outbox in one transaction (the worker is woken on
    commit)."""
    from django.db import transaction

    from samlad.notify import outbox

    def messages():
        for n in range(size):
            common = {"topic": "activation:bench", "exercise": True}
            invite = {
                "filename": "kallelse.ics",
                "content_type": "text/calendar; method=REQUEST",
                "content": text.invite(n),
            }
            yield outbox.Message(
                key=f"bench:{n}:email",
                channel="email",
                address=text.email_address(n),
                subject=text.SUBJECT,
                body=text.body(n),
                attachments=[invite],
                **common,
            )
            yield outbox.Message(
                key=f"bench:{n}:sms",
                channel="sms",
                address=text.phone_number(n),
                body=text.sms(n),
                **common,
            )

    with transaction.atomic():
        outbox.enqueue_many(messages())


def run_samlad(servers: Servers, size: int) -> float:
    clear_outbox()
    servers.reset()
    started = time.time()
    call_out(size)
    enqueued = time.time()
    finished, _counts = servers.wait_until_received(emails=size, sms=size, timeout=600)
    print(f"  enqueue {enqueued - started:.2f} s", flush=True)
    from samlad.notify.models import Delivery

    # The servers may have taken the last messages a moment before the worker records them.
    deadline = time.monotonic() + 30
    while (
        unsent := Delivery.objects.exclude(status="sent").count()
    ) and time.monotonic() < deadline:
        time.sleep(0.05)
    if unsent:
        raise RuntimeError(f"{unsent} deliveries not marked sent")
    return finished - started


def run_minimal(servers: Servers, size: int) -> float:
    servers.reset()
    output = subprocess.run(
        [
            PYTHON,
            "bench/callout_minimal.py",
            "--recipients",
            str(size),
            "--smtp-port",
            str(servers.smtp_port),
            "--sms-url",
            servers.sms_url,
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    servers.wait_until_received(emails=size, sms=size, timeout=60)
    return float(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/samlad_callout_bench"
    )
    parser.add_argument("--sizes", default="200,10000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-interval", default="1")
    args = parser.parse_args()

    env = bench_env(args.database_url)
    fresh_database(args.database_url)
    run_django(
        env,
        "from django.core.management import call_command; "
        "call_command('migrate', verbosity=0); print('ok')",
    )
    results = {"machine": machine(args.database_url), "workers": args.workers, "runs": []}
    with ExitStack() as stack:
        servers = Servers(stack)
        env = worker_env(env, servers)
        os.environ.update(env)
        import django

        django.setup()
        start_workers(stack, env, count=args.workers, interval=args.worker_interval)
        time.sleep(5)  # the workers start
        for size in [int(s) for s in args.sizes.split(",")]:
            samlad, minimal = [], []
            for repeat in range(args.repeats):
                # Alternate the order so drift in the machine's load favours neither side.
                if repeat % 2:
                    minimal.append(run_minimal(servers, size))
                    samlad.append(run_samlad(servers, size))
                else:
                    samlad.append(run_samlad(servers, size))
                    minimal.append(run_minimal(servers, size))
                print(f"{size}: samlad {samlad[-1]:.2f} s, minimal {minimal[-1]:.2f} s", flush=True)
            results["runs"].append(summary(size, samlad, minimal))
    path = save("callout", results)
    print_table(results)
    print(f"\nraw figures: {path}")


def summary(size: int, samlad: list[float], minimal: list[float]) -> dict:
    samlad_median, minimal_median = statistics.median(samlad), statistics.median(minimal)
    return {
        "recipients": size,
        "messages": 2 * size,
        "samlad_s": [round(s, 3) for s in samlad],
        "minimal_s": [round(s, 3) for s in minimal],
        "samlad_median_s": round(samlad_median, 3),
        "minimal_median_s": round(minimal_median, 3),
        "ratio": round(minimal_median / samlad_median, 2),
        "samlad_messages_per_s": round(2 * size / samlad_median),
    }


def print_table(results: dict) -> None:
    print(f"machine: {json.dumps(results['machine'])}, workers: {results['workers']}")
    print("| recipients | messages | Samlad median s | minimal script median s | ratio | msg/s |")
    print("| --- | --- | --- | --- | --- | --- |")
    for run in results["runs"]:
        print(
            f"| {run['recipients']:,} | {run['messages']:,} | {run['samlad_median_s']} | "
            f"{run['minimal_median_s']} | {run['ratio']} | {run['samlad_messages_per_s']} |"
        )


if __name__ == "__main__":
    main()
