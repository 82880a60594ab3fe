"""The Atom feed of notices for outside systems, read with an actor's feed token (?token= or
Authorization: Bearer). It lists what the actor may see; each entry links to its CAP alert."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from samlad.api.errors import problem_response
from samlad.notices import selectors
from samlad.notices.api.auth import token_from
from samlad.notices.services.feed_tokens import actor_for_token

FEED_SIZE = 100


class NoticeFeed(Feed):
    feed_type = Atom1Feed
    title = "Samlad – informationsunderrättelser"
    subtitle = "Informationsunderrättelser i Samlad, med CAP 1.2-meddelanden"

    def __call__(self, request, *args, **kwargs):
        actor = actor_for_token(token_from(request))
        if actor is None:
            response = problem_response(401, "A valid feed token is needed.")
            response["WWW-Authenticate"] = "Bearer"
            return response
        self.actor = actor
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return reverse("notices:list")

    def items(self):
        reader = selectors.outside_reader(self.actor)
        return list(selectors.visible_notices(reader).prefetch_related("revisions")[:FEED_SIZE])

    def item_title(self, notice):
        marks = ("ÖVNING: " if notice.is_exercise else "") + (
            "ÅTERKALLAD: " if notice.is_withdrawn else "UTGÅNGEN: " if notice.is_expired else ""
        )
        return marks + notice.headline

    def item_description(self, notice):
        return notice.text

    def item_link(self, notice):
        return reverse("notices-api:cap", args=[notice.public_id])

    def item_guid(self, notice):
        return f"urn:uuid:{notice.public_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, notice):
        return notice.published_at

    def item_updateddate(self, notice):
        latest = max(notice.revisions.all(), key=lambda revision: revision.number)
        return latest.sent_at

    def item_author_name(self, notice):
        return notice.external_sender_name or notice.owner_actor.name

    def item_categories(self, notice):
        return [notice.category.name_sv]

    def feed_url(self):
        return settings.SITE_URL + reverse("notices-api:feed")
