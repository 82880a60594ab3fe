"""Loading the demo: the actor registry and demo logins first, then every app's own demo data.

An app takes part by having a module `samlad.<app>.demo` with a `load()` function that is
idempotent (safe to run on every start)."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps

from samlad.actors.demo import load_demo as load_registry_and_logins


def load_all():
    """Load everything; returns the demo logins."""
    logins = load_registry_and_logins()
    for config in apps.get_app_configs():
        if not config.name.startswith("samlad.") or config.name in ("samlad.actors", "samlad.core"):
            continue
        module_name = f"{config.name}.demo"
        if find_spec(module_name) is not None:
            import_module(module_name).load()
    return logins
