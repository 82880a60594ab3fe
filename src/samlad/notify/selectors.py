"""Reads of the outbox that cross a permission boundary."""

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, QuerySet

from samlad.core.errors import NotFound
from samlad.notify.models import Delivery
from samlad.notify.worker import health
from samlad.notify.worker.health import ProviderStatus as ProviderStatus  # the boards read it here


def can_see_outbox(user: Any) -> bool:
    """The outbox page is for platform administrators, and for everyone in demo mode."""
    return bool(getattr(user, "is_platform_admin", False) or settings.DEMO_MODE)


def outbox_for(user: Any, *, channel: str = "", status: str = "") -> QuerySet[Delivery]:
    """Deliveries the user may read, newest first: all of them for a platform administrator;
    in demo mode, for anyone else, those addressed to them or to their actor."""
    if not can_see_outbox(user):
        raise NotFound
    deliveries = Delivery.objects.select_related("recipient_actor", "fallback_of")
    if not user.is_platform_admin:
        mine = Q(recipient_user=user)
        if user.actor_id:
            mine |= Q(recipient_actor_id=user.actor_id)
        deliveries = deliveries.filter(mine)
    if channel:
        deliveries = deliveries.filter(channel=channel)
    if status:
        deliveries = deliveries.filter(status=status)
    return deliveries.order_by("-created_at", "-id")


def caused_by(records: QuerySet[Model]) -> QuerySet[Delivery]:
    """Every delivery written for one of `records` (its `cause`), fallbacks included, in the
    order they were written."""
    kind = ContentType.objects.get_for_model(records.model)
    return Delivery.objects.filter(cause_type=kind, cause_id__in=records.values("pk")).order_by(
        "pk"
    )


def provider_statuses() -> list[ProviderStatus]:
    """How each channel's provider is doing (ok, degraded or down), every one in use or used."""
    return health.status()


def provider_status(channel: str) -> ProviderStatus:
    """How the provider `channel` uses now is doing."""
    return health.status_of(channel)
