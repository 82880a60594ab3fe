"""The access matrix: role × actor × classification. Later issues add their records here: every
classified record kind must pass the same matrix."""

import pytest
from django.contrib.auth.models import AnonymousUser

from samlad.accounts import rules as account_rules
from samlad.actors import rules as actor_rules
from samlad.actors.models import ContactChannel, ContactPoint
from samlad.core import access
from samlad.core.models import Classification

OPEN, RESTRICTED, CONFIDENTIAL = "open", "restricted", "confidential"

# Records are owned by the Police and shared with SOS Alarm.
# principal -> the classifications that principal may see.
MATRIX = {
    "anonymous": set(),
    "polisen.kontakt": {OPEN, RESTRICTED},
    "polisen.kontakt+confidential": {OPEN, RESTRICTED, CONFIDENTIAL},
    "polisen.admin": {OPEN, RESTRICTED},
    "sosalarm.kontakt": {OPEN, RESTRICTED},
    "sosalarm.kontakt+confidential": {OPEN, RESTRICTED, CONFIDENTIAL},
    "nacka.kontakt": {OPEN},
    "nacka.kontakt+confidential": {OPEN},
    "kansli": {OPEN},
    "tib": {OPEN},
    "polisen.kontakt+deactivated": set(),
    "sosalarm.kontakt+actor-deactivated": set(),
}


@pytest.fixture
def police_records(actor):
    police, sos = actor("polisen"), actor("sosalarm")
    records = {}
    for number, classification in enumerate([OPEN, RESTRICTED, CONFIDENTIAL], start=10):
        record = ContactPoint.objects.create(
            owner_actor=police,
            channel=ContactChannel.PHONE,
            value=f"+46701740{600 + number}",
            label=f"matrix {classification}",
            classification=classification,
            osl_reference="OSL 18 kap. 13 §" if classification == CONFIDENTIAL else "",
        )
        record.shared_with.set([sos])
        records[classification] = record
    return records


def principal(name: str, user):
    """The demo user named by a matrix row, changed as its "+variant" says."""
    if name == "anonymous":
        return AnonymousUser()
    username, _, variant = name.partition("+")
    account = user(username)
    if variant == "confidential":
        account.can_read_confidential = True
        account.save(update_fields=["can_read_confidential"])
    elif variant == "deactivated":
        account.is_active = False
        account.save(update_fields=["is_active"])
    elif variant == "actor-deactivated":
        owner = account.actor
        owner.is_active = False
        owner.save(update_fields=["is_active"])
    return user(username)


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_principal_sees_exactly_what_the_matrix_allows(name, police_records, user):
    viewer = principal(name, user)
    records = ContactPoint.objects.filter(label__startswith="matrix")
    seen = {record.classification for record in access.visible_to(records, viewer)}
    assert seen == MATRIX[name]
    for classification, record in police_records.items():
        assert access.can_view(viewer, record) == (classification in MATRIX[name]), classification


def test_a_record_shared_with_two_actors_is_listed_once(police_records, user, actor):
    police_records[RESTRICTED].shared_with.add(actor("nacka"))
    records = ContactPoint.objects.filter(label__startswith="matrix")
    assert access.visible_to(records, user("polisen.kontakt")).count() == 2


def test_restricted_record_with_no_named_actor_is_seen_only_by_its_owner(user, actor):
    record = ContactPoint.objects.create(
        owner_actor=actor("nacka"),
        channel=ContactChannel.PHONE,
        value="+46701740690",
        classification=Classification.RESTRICTED,
    )
    assert access.can_view(user("nacka.kontakt"), record)
    assert not access.can_view(user("tib"), record)
    assert not access.can_view(user("kansli"), record)


def test_reading_a_confidential_record_is_logged(police_records, user):
    from samlad.core.models import ConfidentialRead

    reader = user("sosalarm.kontakt")
    access.note_reads(reader, police_records.values(), via="page")
    reads = ConfidentialRead.objects.filter(user=reader)
    assert [read.target_id for read in reads] == [str(police_records[CONFIDENTIAL].public_id)]


ADMINISTRATION = [
    ("nacka.admin", "nacka", True),
    ("nacka.admin", "polisen", False),
    ("nacka.kontakt", "nacka", False),
    ("polisen.admin", "nacka", False),
    ("kansli", "nacka", True),
    ("kansli", "polisen", True),
    ("tib", "lansstyrelsen", False),
    ("lansstyrelsen.admin", "lansstyrelsen", True),
]


@pytest.mark.parametrize(("username", "slug", "allowed"), ADMINISTRATION)
def test_who_may_administer_whose_accounts(username, slug, allowed, user, actor):
    admin = user(username)
    assert actor_rules.can_administer_users_of(admin, actor(slug)) is allowed
    target_users = actor(slug).users.all()
    if not admin.is_platform_admin:
        # An actor's administrator does not see the platform administrators' accounts of its
        # actor (issue 11, finding 8).
        target_users = target_users.filter(is_superuser=False)
    visible = account_rules.administrable_users(admin)
    assert set(visible.filter(actor__slug=slug)) == (set(target_users) if allowed else set())


def test_a_deactivated_permission_administrator_administers_nobody(user, actor):
    admin = user("nacka.admin")
    admin.is_active = False
    admin.save(update_fields=["is_active"])
    assert not actor_rules.can_administer_users_of(admin, actor("nacka"))
    assert not account_rules.administrable_users(admin).exists()
