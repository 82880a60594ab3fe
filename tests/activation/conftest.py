import pytest
from django.test import override_settings

from notify.provider_server import ProviderServer
from samlad.accounts.models import User
from samlad.activation import services
from samlad.activation.models import Forum
from samlad.actors.models import Function, FunctionAssignment
from samlad.notify.models import Delivery
from smtp import LocalSMTPServer

COORDINATING = "regionalt-samordnande-forum"


@pytest.fixture
def forum(db):
    """forum("regionalt-samordnande-forum") -> that seeded forum."""
    return lambda slug=COORDINATING: Forum.objects.get(slug=slug)


@pytest.fixture
def activate(user, forum):
    """activate() -> TiB activates the coordinating forum (or the one named)."""

    def go(slug=COORDINATING, by="tib", **details):
        details.setdefault("reason", "Snöoväder: SMHI varnar klass 2 inom 24 timmar.")
        return services.activate(by=user(by), forum=forum(slug), **details)

    return go


@pytest.fixture
def deliveries():
    """deliveries(activation) -> its messages in the outbox."""
    return lambda activation: Delivery.objects.filter(topic=activation.topic)


@pytest.fixture
def staff(actor):
    """staff("nacka", "contact", "nacka.ersattare", position=2) -> a new person staffing that
    function of that actor (the deputy, by default)."""
    numbers = iter(range(690, 700))

    def add(slug, kind, username, *, position=2):
        person = User.objects.create(
            username=username,
            actor=actor(slug),
            first_name="Ersättare",
            last_name=actor(slug).name,
            email=f"{username}@demo.samlad.example",
            phone=f"+46701740{next(numbers)}",
        )
        function = Function.objects.get(actor=actor(slug), kind=kind)
        FunctionAssignment.objects.create(function=function, user=person, position=position)
        return person

    return add


@pytest.fixture
def local_servers(demo_data):
    """The local SMTP and 46elks servers, with this process sending to them: (smtp, sms)."""
    with (
        LocalSMTPServer() as smtp,
        ProviderServer() as sms,
        override_settings(**smtp.settings(), **sms.elks_settings()),
    ):
        yield smtp, sms
