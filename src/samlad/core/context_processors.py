from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from samlad.core import access

# The main navigation, in order. A section appears once its app serves its start page.
NAVIGATION = [
    ("actors:directory", _("Actors")),
    ("events:list", _("Events")),
    ("activation:overview", _("Activation")),
    ("notices:list", _("Notices")),
    ("meetings:list", _("Meetings")),
    ("administration:overview", _("Administration")),
    ("notify:outbox", _("Outbox")),
    ("audit:changes", _("Audit")),
]
# Sections only some users see. An app whose rule core does not know names it at start-up
# (show_only_to, from its AppConfig.ready): the outbox is notify's.
ONLY_FOR: dict[str, Callable[[Any], bool]] = {
    "administration:overview": lambda user: bool(getattr(user, "is_administrator", False))
}
ONLY_FOR["audit:changes"] = access.may_read_audit_log


def show_only_to(name: str, may_see: Callable[[Any], bool]) -> None:
    """Show the section `name` (a URL name of NAVIGATION) only to users for whom `may_see`."""
    ONLY_FOR[name] = may_see


def samlad(request: HttpRequest) -> dict[str, Any]:
    """What every page needs: demo mode is visible everywhere, and the main navigation."""
    return {"DEMO_MODE": settings.DEMO_MODE, "navigation": _navigation(request)}


def _navigation(request: HttpRequest) -> list[dict[str, Any]]:
    items = []
    for name, label in NAVIGATION:
        if name in ONLY_FOR and not ONLY_FOR[name](getattr(request, "user", None)):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append({"url": url, "label": label, "current": request.path.startswith(url)})
    return items
