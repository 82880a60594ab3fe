"""Benchmark: one notice to 5,000 subscribers (mixed e-mail/SMS) and 200 webhooks, from publish
to the LAST ACCEPTANCE by the servers, on PostgreSQL. The servers are local, each in its own
process (bench/servers.py: SMTP, 46elks, a webhook receiver); Samlad's real worker processes
(`manage.py samlad_worker`) are already running when `publish_notice` is called, as in
production. Every run checks at the servers that each recipient got exactly one message.

In the same run, alternating with Samlad, a minimal script (bench/fanout_minimal.py) sends the
same messages straight to the same servers: the baseline, so that figures from a noisy machine
can be compared by ratio (minimal time / Samlad time; 1.0 = as fast as the script).

    .venv/bin/python bench/fanout.py [--repeats 3] [--workers 1] [--worker-interval 1]
        [--subscribers 5000] [--webhooks 200] [--database-url URL] [--env NAME=VALUE ...]
"""

import argparse
import json
import os
import statistics
import subprocess
import time
from contextlib import ExitStack

from harness import PYTHON, ROOT, bench_env, fresh_database, machine, run_django, save
from servers import Servers, clear_outbox, start_workers, worker_env

SEED = """
import json
from django.contrib.auth.hashers import make_password
from samlad.actors.demo import load_demo
from samlad.actors.models import Actor
from samlad.accounts.models import User
from samlad.notices import demo as notices_demo
from samlad.notices.models import NotificationPreference, Webhook

load_demo()
notices_demo.load()
actors = list(Actor.objects.order_by("pk"))
password = make_password(None)
users = User.objects.bulk_create(
    User(
        username=f"bench{n:05d}",
        actor=actors[n % len(actors)],
        email=f"bench{n:05d}@bench.samlad.example",
        phone=f"+4670{n:07d}",
        password=password,
    )
    for n in range({subscribers})
)
# Mixed: half e-mail only, a fifth SMS only, the rest both.
preferences = []
for n, user in enumerate(users):
    kinds = ["email"] if n % 10 < 5 else ["sms"] if n % 10 < 7 else ["email", "sms"]
    preferences += [NotificationPreference(user=user, channel=k, enabled=True) for k in kinds]
NotificationPreference.objects.bulk_create(preferences)
Webhook.objects.bulk_create(
    Webhook(
        actor=actors[n % len(actors)],
        name=f"Bänk {n}",
        url=f"{hooks_url}/hooks/{n}",
        secret=f"bench-secret-{n:04d}-" + "x" * 24,
    )
    for n in range({webhooks})
)
print(json.dumps({"preferences": len(preferences)}))
"""

MESSAGES_FILE = ROOT / "var" / "bench" / "fanout-messages.json"


def publish(number: int):
    from samlad.accounts.models import User
    from samlad.notices.models import Category
    from samlad.notices.services.notices import publish_notice

    return publish_notice(
        by=User.objects.get(username="tib"),
        headline=f"Klass 2-varning: mycket snö ({number})",
        text="20–30 cm snö väntas i natt i hela länet.",
        category=Category.objects.get(slug="vadervarning"),
    )


def outbox_counts(notice) -> dict:
    from samlad.notify.models import Delivery

    rows = Delivery.objects.filter(topic=f"notice:{notice.public_id}")
    return {c: rows.filter(channel=c).count() for c in ("email", "sms", "webhook")}


def check_exactly_once(servers: Servers, expected: dict) -> dict:
    """Once every delivery is recorded, each recipient has exactly one message at the servers."""
    from samlad.notify.models import Delivery

    deadline = time.monotonic() + 60
    while Delivery.objects.exclude(status="sent").exists():
        if time.monotonic() > deadline:
            raise RuntimeError("deliveries not marked sent")
        time.sleep(0.1)
    return verify(servers.counts(), expected)


def verify(found: dict, expected: dict, *, resent: int = 0) -> dict:
    """Every recipient got the message; more than once only for `resent` requests (the minimal
    script re-sends a request whose connection broke: the server may have taken it)."""
    distinct = {"email_addresses", "sms_numbers", "hook_paths"}
    wanted = {
        "email_recipients": expected["email"],
        "email_addresses": expected["email"],
        "sms": expected["sms"],
        "sms_numbers": expected["sms"],
        "hooks": expected["webhook"],
        "hook_paths": expected["webhook"],
    }
    wrong = {
        name: (found[name], count)
        for name, count in wanted.items()
        if not (count <= found[name] <= count + (0 if name in distinct else resent))
    }
    if wrong:
        raise RuntimeError(f"not exactly one message per recipient (found, wanted): {wrong}")
    return found


def run_samlad(servers: Servers, number: int) -> dict:
    clear_outbox()
    servers.reset()
    load = os.getloadavg()[0]
    started = time.time()
    notice = publish(number)
    published = time.time()
    expected = outbox_counts(notice)
    finished, found = servers.wait_until_received(
        emails=expected["email"], sms=expected["sms"], hooks=expected["webhook"], timeout=600
    )
    last = dict(zip(("email", "sms", "webhook"), found["last_at"], strict=True))
    found = check_exactly_once(servers, expected)
    from samlad.notify.models import Delivery

    retried = Delivery.objects.filter(attempts__gt=1)
    if not MESSAGES_FILE.exists():
        write_messages(notice)
    return {
        "seconds": round(finished - started, 3),
        "publish_seconds": round(published - started, 3),
        "last_acceptance_s": {channel: round(at - started, 2) for channel, at in last.items()},
        "outbox": expected,
        "smtp_transactions": found["email_messages"],
        "retried": retried.count(),
        "retry_errors": sorted(set(retried.values_list("last_error", flat=True)))[:3],
        "load_average": round(load, 2),
    }


def write_messages(notice) -> None:
    """The messages of one Samlad run, for the minimal script to send the same."""
    from samlad.notify.channels.email import message_id
    from samlad.notify.channels.webhook import idempotency_header
    from samlad.notify.models import Delivery

    rows = Delivery.objects.filter(topic=f"notice:{notice.public_id}").order_by("id")
    messages = {"emails": [], "sms": [], "hooks": []}
    for row in rows:
        if row.channel == "email":
            messages["emails"].append(
                {
                    "to": row.address,
                    "subject": row.subject,
                    "body": row.body,
                    "message_id": message_id(row.idempotency_key),
                }
            )
        elif row.channel == "sms":
            messages["sms"].append({"to": row.address, "text": row.body})
        else:
            headers = {**row.headers, "Idempotency-Key": idempotency_header(row.idempotency_key)}
            messages["hooks"].append({"url": row.address, "body": row.body, "headers": headers})
    MESSAGES_FILE.parent.mkdir(parents=True, exist_ok=True)
    MESSAGES_FILE.write_text(json.dumps(messages, ensure_ascii=False))


def run_minimal(servers: Servers) -> dict:
    messages = json.loads(MESSAGES_FILE.read_text())
    expected = {
        "email": len(messages["emails"]),
        "sms": len(messages["sms"]),
        "webhook": len(messages["hooks"]),
    }
    servers.reset()
    load = os.getloadavg()[0]
    command = [PYTHON, "bench/fanout_minimal.py", "--messages", str(MESSAGES_FILE)]
    command += ["--smtp-port", str(servers.smtp_port), "--sms-url", servers.sms_url]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"the minimal script failed: {done.stderr}")
    output = done.stdout
    retried = int(done.stderr.rsplit("retried ", 1)[1].split()[0])
    _finished, found = servers.wait_until_received(
        emails=expected["email"], sms=expected["sms"], hooks=expected["webhook"], timeout=60
    )
    verify(servers.counts(), expected, resent=retried)
    started, seconds = (float(word) for word in output.strip().splitlines()[-1].split())
    last = dict(zip(("email", "sms", "webhook"), found["last_at"], strict=True))
    return {
        "seconds": seconds,
        "last_acceptance_s": {channel: round(at - started, 2) for channel, at in last.items()},
        "retried": retried,
        "load_average": round(load, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/samlad_bench_fanout"
    )
    parser.add_argument("--subscribers", type=int, default=5000)
    parser.add_argument("--webhooks", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--worker-interval", default="1")
    parser.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a setting for the workers, e.g. NOTIFY_SMTP_CONNECTIONS=8 (repeatable)",
    )
    parser.add_argument("--profile-to", default="", help="run the workers under py-spy")
    args = parser.parse_args()

    env = bench_env(args.database_url) | {"DEBUG": "0"}
    fresh_database(args.database_url)
    run_django(
        env,
        "from django.core.management import call_command; "
        "call_command('migrate', verbosity=0); print('ok')",
    )
    MESSAGES_FILE.unlink(missing_ok=True)
    settings = dict(item.split("=", 1) for item in args.env)
    results = {
        "machine": machine(args.database_url),
        "subscribers": args.subscribers,
        "webhooks": args.webhooks,
        "workers": args.workers,
        "worker_interval": args.worker_interval,
        "settings": settings,
        "samlad": [],
        "minimal": [],
    }
    with ExitStack() as stack:
        servers = Servers(stack, webhooks=True)
        seed = SEED.replace("{subscribers}", str(args.subscribers))
        seed = seed.replace("{webhooks}", str(args.webhooks)).replace(
            "{hooks_url}", servers.hooks_url
        )
        results["subscriber_preferences"] = json.loads(run_django(env, seed))["preferences"]
        env = worker_env(env, servers) | settings
        os.environ.update(env)
        import django

        django.setup()
        start_workers(
            stack,
            env,
            count=args.workers,
            interval=args.worker_interval,
            profile_to=args.profile_to,
        )
        time.sleep(5)  # the workers start
        for repeat in range(args.repeats):
            # Alternate the order so drift in the machine's load favours neither side; the
            # minimal script needs one Samlad run first (it sends the messages Samlad wrote).
            order = ["minimal", "samlad"] if repeat % 2 else ["samlad", "minimal"]
            for side in order:
                run = run_samlad(servers, repeat) if side == "samlad" else run_minimal(servers)
                results[side].append(run)
                print(f"run {repeat + 1} {side}: {json.dumps(run)}", flush=True)
    results["summary"] = summary(results)
    path = save("fanout", results)
    print(json.dumps(results["summary"], indent=2))
    print(f"raw figures: {path}")


def summary(results: dict) -> dict:
    samlad = statistics.median(run["seconds"] for run in results["samlad"])
    minimal = statistics.median(run["seconds"] for run in results["minimal"])
    publish = statistics.median(run["publish_seconds"] for run in results["samlad"])
    loads = [run["load_average"] for run in results["samlad"] + results["minimal"]]
    return {
        "samlad_median_s": round(samlad, 2),
        "samlad_publish_median_s": round(publish, 2),
        "minimal_median_s": round(minimal, 2),
        "ratio": round(minimal / samlad, 2),
        "samlad_s": [run["seconds"] for run in results["samlad"]],
        "minimal_s": [run["seconds"] for run in results["minimal"]],
        "load_average_range": [min(loads), max(loads)],
    }


if __name__ == "__main__":
    main()
