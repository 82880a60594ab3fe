"""What /healthz reports: can we reach the database, and is a background worker alive?"""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from samlad.core.models import WorkerHeartbeat


def database_status() -> dict[str, Any]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return {"status": "down", "error": exc.__class__.__name__}
    return {"status": "ok", "vendor": connection.vendor}


def worker_status() -> dict[str, Any]:
    try:
        latest = WorkerHeartbeat.objects.order_by("-last_seen").first()
    except DatabaseError:
        return {"status": "unknown"}
    if latest is None:
        return {"status": "down", "detail": "no worker has started"}
    age = (timezone.now() - latest.last_seen).total_seconds()
    fresh = age <= settings.WORKER_STALE_AFTER_SECONDS
    alive = WorkerHeartbeat.objects.filter(
        last_seen__gte=timezone.now() - timedelta(seconds=settings.WORKER_STALE_AFTER_SECONDS)
    ).count()
    return {
        "status": "ok" if fresh else "down",
        "workers": alive,
        "last_seen": latest.last_seen.isoformat(),
        "seconds_since_last_seen": round(age, 1),
    }


def report() -> dict[str, Any]:
    checks = {"database": database_status(), "worker": worker_status()}
    status = "ok" if all(check["status"] == "ok" for check in checks.values()) else "degraded"
    return {"status": status, "checks": checks, "time": timezone.now().isoformat()}
