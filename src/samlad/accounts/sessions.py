"""Ending a user's sessions from outside them, e.g. when an administrator deactivates the account:
the session rows go, so a later reactivation does not bring an old cookie back to life."""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.utils import timezone


def end_sessions_of(user) -> int:
    """Delete every unexpired session signed in as `user`; returns how many ended. Works with
    the database-backed session engines (db, cached_db), which Samlad uses."""
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store_class, "get_model_class"):
        return 0
    rows = store_class.get_model_class().objects.filter(expire_date__gt=timezone.now())
    keys = [
        row.session_key
        for row in rows.iterator()
        if str(row.get_decoded().get(SESSION_KEY)) == str(user.pk)
    ]
    for key in keys:
        store_class(session_key=key).delete()
    return len(keys)
