"""Demo data of the notices app: the category catalogue (also seeded by a migration; loaded again
because a flush between transactional tests empties it) and notification settings for the demo
logins, so that a published notice reaches people at once."""

from samlad.accounts.models import User
from samlad.notices.catalogue import load_categories
from samlad.notices.models import Category, NotificationPreference, RecipientTiming

# Contact functions get SMS only for what cannot wait.
URGENT_CATEGORIES = ["vadervarning", "samhallsviktig-verksamhet"]


def _defaults_for(user: User) -> dict[str, dict]:
    """Per channel: enabled, timing and categories (None: all) for this demo login."""
    name = user.username
    if name in ("tib", "rsib"):
        return {"email": {"timing": "immediate"}, "sms": {"timing": "immediate"}}
    if name == "rkk":
        return {"email": {"timing": "immediate"}}
    if name.endswith(".kontakt"):
        return {
            "email": {"timing": "immediate"},
            "sms": {"timing": "immediate", "categories": URGENT_CATEGORIES},
        }
    if name.endswith(".admin"):
        return {"email": {"timing": RecipientTiming.DIGEST}}
    return {}


def load() -> None:
    load_categories(Category)
    by_slug = {c.slug: c for c in Category.objects.all()}
    have = set(NotificationPreference.objects.values_list("user_id", "channel"))
    for user in User.objects.filter(actor__isnull=False).order_by("pk"):
        for channel, wanted in _defaults_for(user).items():
            if (user.pk, channel) in have:
                continue
            categories = wanted.get("categories")
            preference = NotificationPreference.objects.create(
                user=user,
                channel=channel,
                enabled=True,
                timing=wanted["timing"],
                all_categories=categories is None,
            )
            if categories:
                preference.categories.set([by_slug[slug] for slug in categories])
