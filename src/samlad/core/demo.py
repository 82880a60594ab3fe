"""Loading the demo: every app's own demo data.

An app takes part by having a module `samlad.<app>.demo` with a `load()` function that is
idempotent (safe to run on every start). They load in the order of INSTALLED_APPS, except that
a module may name, in `AFTER`, the apps (labels) whose demo data it builds on: those load first
(the demo logins need the actor registry)."""

from importlib import import_module
from importlib.util import find_spec
from types import ModuleType

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def demo_modules() -> list[ModuleType]:
    """The apps' demo modules, each after those it names in `AFTER`."""
    found: dict[str, ModuleType] = {}
    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        if name != __name__ and config.name.startswith("samlad.") and find_spec(name) is not None:
            found[config.label] = import_module(name)
    ordered: list[ModuleType] = []

    def visit(label: str) -> None:
        module = found[label]
        if module in ordered:
            return
        for earlier in getattr(module, "AFTER", ()):
            visit(earlier)
        ordered.append(module)

    for label in found:
        visit(label)
    return ordered


def load_all() -> None:
    """Load every app's demo data (demo mode only)."""
    if not settings.DEMO_MODE:
        raise ImproperlyConfigured("Demo data is loaded only in demo mode (SAMLAD_DEMO=1).")
    for module in demo_modules():
        module.load()
