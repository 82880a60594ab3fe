"""What the notices app does when other apps publish something."""

from samlad.notices.services.webhooks import send_picture_version


def picture_published(sender, *, version, **kwargs) -> None:
    """A consolidated picture version was published: to the webhooks, in the same transaction."""
    send_picture_version(version)
