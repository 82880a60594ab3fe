"""Demo data of the activation app: the model's forums (also seeded by migration 0002; loaded
again here because the registry's actors, their hosts and named members, come later, and a
flush between transactional tests empties the table)."""

from importlib import import_module

from samlad.activation.models import Forum, ForumMember
from samlad.actors.models import Actor


def load() -> None:
    seed = import_module("samlad.activation.migrations.0002_forums")
    seed.seed(Forum, ForumMember, Actor)
