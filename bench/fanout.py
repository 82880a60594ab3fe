"""Benchmark: fan-out of one notice to 5,000 subscribers (mixed e-mail/SMS) and 200 webhooks,
on PostgreSQL. Measures publish → every Delivery row written (the notice, its CAP alert, the
recipients worked out through the access policy, one outbox row per recipient and channel, the
signed webhook bodies), as one transaction, and the same for a correction to the same recipients.

From publish to the last acceptance by local servers needs the notify worker (samlad.notify,
another branch); until it is on main this measures up to the outbox.

    .venv/bin/python bench/fanout.py [--subscribers 5000] [--webhooks 200] [--database-url URL]
"""

import argparse
import json
import os

from harness import bench_env, fresh_database, machine, run_django, save

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
        url=f"http://127.0.0.1:9/hook/{n}",
        secret=f"bench-secret-{n:04d}-" + "x" * 24,
    )
    for n in range({webhooks})
)
print(json.dumps({"preferences": len(preferences)}))
"""

MEASURE = """
import json, time
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from samlad.accounts.models import User
from samlad.notices.models import Category
from samlad.notices.services.notices import correct_notice, publish_notice
from samlad.notify.models import Delivery

tib = User.objects.get(username="tib")
category = Category.objects.get(slug="vadervarning")
results = {}
with CaptureQueriesContext(connection) as queries:
    started = time.perf_counter()
    notice = publish_notice(by=tib, headline="Klass 2-varning: mycket snö", text="20–30 cm",
                            category=category)
    results["publish_seconds"] = round(time.perf_counter() - started, 2)
results["publish_queries"] = len(queries)
rows = Delivery.objects.filter(topic=f"notice:{notice.public_id}")
results["rows"] = {c: rows.filter(channel=c).count() for c in ("email", "sms", "webhook")}
started = time.perf_counter()
correct_notice(by=tib, notice=notice, text="25–40 cm", change_note="Mer snö")
results["correct_seconds"] = round(time.perf_counter() - started, 2)
results["rows_after_correction"] = rows.count()
# For comparison: the same rows written as one bulk insert (what an enqueue_many in the outbox
# would do), in a transaction that is rolled back.
from django.db import transaction
copies = [
    Delivery(idempotency_key=d.idempotency_key + ":bulk", channel=d.channel, address=d.address,
             topic=d.topic, body=d.body, subject=d.subject, headers=d.headers,
             recipient_user_id=d.recipient_user_id, recipient_actor_id=d.recipient_actor_id)
    for d in rows.filter(idempotency_key__contains=":v1:")
]
with transaction.atomic():
    started = time.perf_counter()
    Delivery.objects.bulk_create(copies, batch_size=1000, ignore_conflicts=True)
    results["same_rows_bulk_insert_seconds"] = round(time.perf_counter() - started, 2)
    transaction.set_rollback(True)
print(json.dumps(results))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/samlad_bench_fanout"
    )
    parser.add_argument("--subscribers", type=int, default=5000)
    parser.add_argument("--webhooks", type=int, default=200)
    args = parser.parse_args()

    env = bench_env(args.database_url) | {"DEBUG": "0"}
    fresh_database(args.database_url)
    run_django(
        env,
        "from django.core.management import call_command; "
        "call_command('migrate', verbosity=0); print('ok')",
    )
    seed = SEED.replace("{subscribers}", str(args.subscribers)).replace(
        "{webhooks}", str(args.webhooks)
    )
    seeded = json.loads(run_django(env, seed))
    measured = json.loads(run_django(env, MEASURE))
    results = {
        "machine": machine(args.database_url),
        "load_average_at_start": os.getloadavg(),
        "subscribers": args.subscribers,
        "webhooks": args.webhooks,
        "subscriber_preferences": seeded["preferences"],
        **measured,
        "end_to_end": "not measured: the bench stops at the outbox",
    }
    print(json.dumps(results, indent=2, ensure_ascii=False))
    print(f"saved {save('fanout', results)}")


if __name__ == "__main__":
    main()
