"""Password authentication that refuses inactive accounts, accounts of inactive actors, and the
demo password outside demo mode; user names are case-insensitive, for the lockout too."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend

from samlad.accounts.passwords import is_demo_password


class SamladBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if is_demo_password(password) and not settings.DEMO_MODE:
            return None
        if username:
            username = username.strip().lower()
        return super().authenticate(request, username=username, password=password, **kwargs)

    def user_can_authenticate(self, user) -> bool:
        if not super().user_can_authenticate(user):
            return False
        return user.actor_id is None or user.actor.is_active


def lockout_username(request, credentials) -> str | None:
    """The name django-axes counts failed attempts under (settings.AXES_USERNAME_CALLABLE): one
    per account, however the name was spelt, on every sign-in page (ours and the admin's)."""
    username = (credentials or {}).get("username")
    if username is None and request is not None:
        username = request.POST.get("username")
    return username.strip().lower() if isinstance(username, str) else None
