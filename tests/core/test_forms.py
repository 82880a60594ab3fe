"""The shared form kit (samlad.core.forms): the actor pickers of every app's pages."""

from django.utils import translation

from samlad.actors.models import Actor, ActorKind
from samlad.core.forms import ACTOR_GROUPS, active_actors, grouped_choices


def test_every_kind_of_actor_has_a_group_in_the_actor_pickers():
    assert sorted(kind for kind, _ in ACTOR_GROUPS) == sorted(ActorKind.values)


def test_the_actor_picker_offers_every_active_actor_once_under_its_kind(actor):
    with translation.override("en"):
        groups = {str(name): members for name, members in grouped_choices(active_actors())}
    offered = [pk for members in groups.values() for pk, _ in members]
    assert sorted(offered) == sorted(
        Actor.objects.filter(is_active=True).values_list("pk", flat=True)
    )
    nacka = actor("nacka")
    assert (nacka.pk, nacka.name) in groups["Municipalities"]
