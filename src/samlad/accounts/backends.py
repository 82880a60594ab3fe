"""Password authentication that refuses inactive accounts, accounts of inactive actors, and the
demo password outside demo mode; user names are case-insensitive, for the lockout too."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from samlad.accounts.passwords import is_demo_password


class SamladBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if is_demo_password(password) and not settings.DEMO_MODE:
            return None
        if username:
            username = username.strip().lower()
        return super().authenticate(request, username=username, password=password, **kwargs)

    # The actor comes with the user: user_can_authenticate reads it, also in async views.
    def get_user(self, user_id):
        user = get_user_model()._default_manager.select_related("actor").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

    async def aget_user(self, user_id):
        manager = get_user_model()._default_manager
        user = await manager.select_related("actor").filter(pk=user_id).afirst()
        return user if user is not None and self.user_can_authenticate(user) else None

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
