"""The notices app's periodic jobs (samlad.core.schedule), imported by NoticesConfig.ready()."""

from django.conf import settings

from samlad.core.schedule import every
from samlad.notices.services.digests import send_digests
from samlad.notices.services.feed_polling import poll_due_sources

DIGEST_SECONDS = getattr(settings, "SAMLAD_NOTICE_DIGEST_SECONDS", 3600)


@every(seconds=DIGEST_SECONDS, name="notices.send_digests")
def digests() -> None:
    send_digests()


@every(seconds=60, name="notices.poll_feeds")
def feeds() -> None:
    poll_due_sources()
