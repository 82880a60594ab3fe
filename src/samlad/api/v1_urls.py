"""The foundation's API routes under /api/v1/: authentication, me, actors, users."""

urlpatterns: list = []
