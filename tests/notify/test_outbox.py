"""The outbox itself: a message is added once per key, alone or thousands at a time, commits or
rolls back with its cause, and wakes the worker once the transaction has committed."""

import importlib

import pytest
from django.apps import apps
from django.db import transaction
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from samlad.notify import outbox
from samlad.notify.models import Delivery, DeliveryStatus
from samlad.notify.worker import claims


def _message(n: int, **extra) -> outbox.Message:
    return outbox.Message(
        key=f"activation:a1:{n}:sms",
        channel="sms",
        address=f"+4670{n:07d}",
        topic="activation:a1",
        body=f"Meddelande {n}",
        **extra,
    )


def _send_tasks() -> int:
    return DBTaskResult.objects.filter(task_path="samlad.notify.worker.tasks.send_due").count()


@pytest.mark.django_db
def test_the_same_key_twice_is_one_delivery(django_capture_on_commit_callbacks):
    first = outbox.enqueue(key="k", channel="email", address="a@example.org", topic="t", body="1")
    second = outbox.enqueue(key="k", channel="email", address="b@example.org", topic="t", body="2")
    assert first.pk == second.pk
    assert (second.address, second.body) == ("a@example.org", "1")


@pytest.mark.django_db
def test_a_key_longer_than_its_column_still_means_once():
    # TiB's not-reached alert names every unreached actor in its key: 36 actors with ids of
    # five digits made the escalation job fail on PostgreSQL (varchar(200)) and TiB was never told.
    many = "-".join(str(10_000 + n) for n in range(36))
    key = f"activation:{'0' * 36}:not-reached:{many}:email:tib@lansstyrelsen.example"
    first = outbox.enqueue(key=key, channel="email", address="tib@example.org", topic="t", body="1")
    again = outbox.enqueue(key=key, channel="email", address="tib@example.org", topic="t", body="1")
    other = outbox.enqueue(
        key=key + "x", channel="email", address="tib@example.org", topic="t", body="2"
    )
    assert first.pk == again.pk != other.pk
    assert len(first.idempotency_key) <= 200
    assert first.idempotency_key.startswith(f"activation:{'0' * 36}:not-reached:")
    assert (
        outbox.enqueue_many(
            [outbox.Message(key=key, channel="email", address="a@b.se", topic="t", body="1")]
        )
        == 0
    )


@pytest.mark.django_db
def test_enqueue_many_adds_each_key_once_and_says_how_many_were_new():
    assert outbox.enqueue_many(_message(n) for n in range(2500)) == 2500
    assert outbox.enqueue_many(_message(n) for n in range(2400, 2600)) == 100
    assert Delivery.objects.count() == 2600


@pytest.mark.django_db
def test_an_exercise_is_marked_in_bulk_too():
    outbox.enqueue_many([_message(1, exercise=True, subject="Aktivering")])
    delivery = Delivery.objects.get()
    assert delivery.body.startswith("ÖVNING: ")
    assert delivery.subject == "ÖVNING: Aktivering"


def test_an_unknown_channel_is_refused():
    with pytest.raises(ValueError, match="unknown channel"):
        outbox.enqueue(key="k", channel="fax", address="x", topic="t", body="x")


@pytest.mark.django_db(transaction=True)
def test_the_worker_is_woken_once_after_the_transaction_commits():
    with transaction.atomic():
        outbox.enqueue(key="a", channel="email", address="a@example.org", topic="t", body="x")
        outbox.enqueue_many(_message(n) for n in range(10))
        assert _send_tasks() == 0  # not before the commit
    assert _send_tasks() == 1


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_cause_leaves_no_message_and_wakes_nobody():
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox.enqueue_many(_message(n) for n in range(10))
        raise RuntimeError("the activation failed")
    assert Delivery.objects.count() == 0
    assert _send_tasks() == 0


@pytest.mark.django_db
def test_two_workers_never_claim_the_same_delivery():
    outbox.enqueue_many(_message(n) for n in range(50))
    first = claims.claim(channel="sms", provider="46elks", limit=30, worker_id="w1")
    second = claims.claim(channel="sms", provider="46elks", limit=30, worker_id="w2")
    assert len(first) == 30 and len(second) == 20
    assert not {row.id for row in first} & {row.id for row in second}
    assert all(row.status == DeliveryStatus.SENDING and row.attempts == 1 for row in first)


@pytest.mark.django_db
def test_a_claim_whose_lease_ran_out_comes_back_in_doubt(settings):
    settings.NOTIFY_LEASE_SECONDS = -1  # every lease has already run out
    outbox.enqueue_many(_message(n) for n in range(3))
    claims.claim(channel="sms", provider="46elks", limit=3, worker_id="dead")
    assert claims.recover_abandoned() == 3
    for row in Delivery.objects.all():
        assert (row.status, row.in_doubt, row.recovered) == (DeliveryStatus.PENDING, True, 1)


@pytest.mark.django_db
@override_settings(NOTIFY_DEMO_OUTBOX=True)
def test_a_send_turn_with_a_large_fan_out_due_asks_another_worker_to_join_at_once():
    from samlad.notify.worker.tasks import JOIN_ABOVE, send_due

    outbox.enqueue_many(_message(n) for n in range(JOIN_ABOVE + 100))
    send_due.call()
    assert _send_tasks() == 1, "another turn is waiting for a second worker"
    assert not Delivery.objects.exclude(status="sent").exists()
    DBTaskResult.objects.all().delete()

    outbox.enqueue_many(_message(n) for n in range(10_000, 10_010))
    send_due.call()
    assert _send_tasks() == 0, "a small batch is left to one worker"


@pytest.mark.django_db
def test_a_send_queued_under_the_tasks_old_name_still_runs_after_the_upgrade():
    from samlad.notify.worker.tasks import send_due

    queued = send_due.enqueue()
    DBTaskResult.objects.filter(pk=queued.id).update(task_path="samlad.notify.tasks.send_due")
    migration = importlib.import_module("samlad.notify.migrations.0006_send_task_moved")

    migration.rename(migration.OLD, migration.NEW)(apps, None)

    assert _send_tasks() == 1
    assert DBTaskResult.objects.get(pk=queued.id).task == send_due
