"""The Atom feed for outside systems: only with a live token of an actor, listing what that actor
may see, each entry linking to its CAP alert, readable with the same token."""

import pytest
from django.test import Client
from lxml import etree
from noticekit import valid_cap

from samlad.notices.services import feed_tokens
from samlad.notices.services.notices import publish_notice

ATOM = {"a": "http://www.w3.org/2005/Atom"}
FEED = "/api/v1/notices/feed.atom"


@pytest.fixture
def notices(user, actor, category):
    open_one = publish_notice(by=user("tib"), headline="Snö i natt", text="x", category=category())
    police_only = publish_notice(
        by=user("polisen.kontakt"),
        headline="Skyddsobjekt",
        text="y",
        category=category("sakerhet"),
        classification="restricted",
        shared_with=[actor("sosalarm")],
    )
    return open_one, police_only


@pytest.fixture
def nacka_token(user):
    _token, raw = feed_tokens.create_feed_token(by=user("nacka.admin"), name="Nackas krisledning")
    return raw


def titles(response) -> list[str]:
    feed = etree.fromstring(response.content)
    return [t.text for t in feed.findall("a:entry/a:title", ATOM)]


def test_without_a_token_there_is_no_feed(notices):
    response = Client().get(FEED)
    assert response.status_code == 401 and response["WWW-Authenticate"] == "Bearer"
    assert Client().get(FEED + "?token=fel").status_code == 401


def test_a_token_reads_what_its_actor_may_see(notices, nacka_token):
    response = Client().get(FEED, {"token": nacka_token})
    assert response.status_code == 200 and "atom" in response["Content-Type"]
    assert titles(response) == ["Snö i natt"]
    police_token = feed_tokens.create_feed_token(
        by=notices[1].published_by.__class__.objects.get(username="polisen.admin"), name="RLC"
    )[1]
    police = Client().get(FEED, headers={"Authorization": f"Bearer {police_token}"})
    assert titles(police) == ["Skyddsobjekt", "Snö i natt"]


def test_each_entry_links_to_its_cap_alert_readable_with_the_token(notices, nacka_token):
    feed = etree.fromstring(Client().get(FEED, {"token": nacka_token}).content)
    link = feed.find("a:entry/a:link", ATOM).get("href")
    alert = Client().get(link, headers={"Authorization": f"Bearer {nacka_token}"})
    assert alert.status_code == 200
    valid_cap(alert.content)
    hidden = f"/api/v1/notices/{notices[1].public_id}/cap.xml"
    assert Client().get(hidden, {"token": nacka_token}).status_code == 404


def test_a_revoked_token_reads_nothing(user, notices, nacka_token):
    token = feed_tokens.tokens_of(user("nacka.admin")).get()
    feed_tokens.revoke_feed_token(by=user("nacka.admin"), public_id=token.public_id)
    assert Client().get(FEED, {"token": nacka_token}).status_code == 401
    cap = f"/api/v1/notices/{notices[0].public_id}/cap.xml"
    assert Client().get(cap, {"token": nacka_token}).status_code in (401, 403)


def test_the_token_is_shown_once_on_the_page(client_for, user):
    client = client_for("nacka.admin")
    created = client.post("/underrattelser/flodesnycklar/", {"name": "Extern lägesbild"})
    assert "bara visas nu" in created.content.decode()
    again = client.get("/underrattelser/flodesnycklar/").content.decode()
    assert "Extern lägesbild" in again and "bara visas nu" not in again


def test_only_the_permission_administrator_makes_tokens(client_for):
    assert client_for("nacka.kontakt").get("/underrattelser/flodesnycklar/").status_code == 403
