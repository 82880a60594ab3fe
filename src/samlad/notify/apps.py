from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "samlad.notify"
    label = "notify"

    def ready(self) -> None:
        from samlad.core.context_processors import show_only_to
        from samlad.notify.selectors import can_see_outbox
        from samlad.notify.worker import tasks  # noqa: F401 - registers the periodic sweep

        # The outbox as its page allows: platform administrators, and everyone signed in in
        # demo mode.
        show_only_to(
            "notify:outbox",
            lambda user: bool(getattr(user, "is_authenticated", False) and can_see_outbox(user)),
        )
