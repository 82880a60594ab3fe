"""The feed sources Samlad polls, seen by platform administrators: a page with each source's
state (/underrattelser/floden/), linking to the admin for editing, and a warning on the list of
notices when a feed's last poll failed. Nobody else sees either. The polls are real, against a
local HTTP server."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.test import override_settings
from noticekit import FeedServer, cap_alert

from samlad.notices.models import Category, FeedSource
from samlad.notices.services.feed_polling import poll_source

PAGE = "/underrattelser/floden/"
LIST = "/underrattelser/"
WARNING = "Den senaste hämtningen från en flödeskälla misslyckades"


@pytest.fixture
def server():
    feeds = FeedServer()
    feeds.documents["/smhi_snow_alert.xml"] = cap_alert("smhi_snow_alert.xml")
    yield feeds
    feeds.httpd.shutdown()


@pytest.fixture
def source(actor):
    def make(name: str, url: str, **fields) -> FeedSource:
        return FeedSource.objects.create(
            name=name,
            url=url,
            actor=actor("lansstyrelsen"),
            category=Category.objects.get(slug="vadervarning"),
            **fields,
        )

    return make


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def row(page: str, source: FeedSource) -> str:
    return page.split(f'id="flode-{source.public_id}"', 1)[1].split("</tr>", 1)[0]


def poll_at(source: FeedSource, when: datetime) -> None:
    with time_machine.travel(when, tick=False):
        poll_source(source)
    source.refresh_from_db()


@override_settings(SAMLAD_WEBHOOKS_ALLOW_PRIVATE=True)
def test_the_platform_administrator_sees_each_feed_and_its_state(client_for, server, source):
    working = source("SMHI:s varningar", f"{server.url}/smhi_snow_alert.xml")
    broken = source("Trafikverkets störningar", f"{server.url}/saknas.atom")
    paused = source("Gammalt flöde", f"{server.url}/gammalt.atom", is_active=False)
    waiting = source("Nytt flöde", f"{server.url}/nytt.atom")
    poll_at(working, datetime(2026, 1, 14, 6, 0, tzinfo=UTC))
    poll_at(broken, datetime(2026, 1, 14, 6, 0, tzinfo=UTC))

    page = html(client_for("kansli").get(PAGE))
    assert "Flödeskällor" in page
    assert "OK" in row(page, working) and "07:00" in row(page, working)  # Stockholm time
    assert "Fungerar inte" in row(page, broken) and "404" in row(page, broken)
    assert "2026-01-14 07:00" in row(page, broken)  # failing since
    assert "Pausad" in row(page, paused)
    assert "Inte hämtad än" in row(page, waiting)
    assert f'href="/admin/notices/feedsource/{broken.pk}/change/"' in page
    assert 'href="/admin/notices/feedsource/add/"' in page


@override_settings(SAMLAD_WEBHOOKS_ALLOW_PRIVATE=True)
def test_failing_since_is_the_first_of_the_failed_polls_and_ends_when_one_succeeds(
    client_for, server, source
):
    feed = source("SMHI:s varningar", f"{server.url}/varningar.atom")
    poll_at(feed, datetime(2026, 1, 14, 6, 0, tzinfo=UTC))
    poll_at(feed, datetime(2026, 1, 14, 6, 5, tzinfo=UTC))
    assert feed.failing_since == datetime(2026, 1, 14, 6, 0, tzinfo=UTC)
    assert feed.last_polled_at == datetime(2026, 1, 14, 6, 5, tzinfo=UTC)
    client = client_for("kansli")
    assert "2026-01-14 07:00" in row(html(client.get(PAGE)), feed)

    server.feed("/smhi_snow_alert.xml")
    feed.url = f"{server.url}/feed.atom"
    feed.save(update_fields=["url"])
    poll_at(feed, datetime(2026, 1, 14, 6, 10, tzinfo=UTC))
    assert feed.failing_since is None and feed.last_error == ""
    assert "OK" in row(html(client.get(PAGE)), feed)
    assert WARNING not in html(client.get(LIST))


@override_settings(SAMLAD_WEBHOOKS_ALLOW_PRIVATE=True)
def test_the_list_of_notices_warns_the_platform_administrator_of_a_failing_feed(
    client_for, server, source
):
    working = source("SMHI:s varningar", f"{server.url}/smhi_snow_alert.xml")
    poll_source(working)
    client = client_for("kansli")
    page = html(client.get(LIST))
    assert WARNING not in page and 'id="flodesvarning"' not in page
    assert f'href="{PAGE}"' in page  # the way to the feed sources

    broken = source("Trafikverkets störningar", f"{server.url}/saknas.atom")
    poll_source(broken)
    page = html(client.get(LIST))
    warning = page.split('id="flodesvarning"', 1)[1].split("</div>", 1)[0]
    assert WARNING in warning and "Trafikverkets störningar" in warning
    assert "SMHI:s varningar" not in warning
    assert f'href="{PAGE}"' in warning


@override_settings(SAMLAD_WEBHOOKS_ALLOW_PRIVATE=True)
def test_a_paused_feed_that_failed_gives_no_warning(client_for, server, source):
    broken = source("Trafikverkets störningar", f"{server.url}/saknas.atom")
    poll_source(broken)
    broken.is_active = False
    broken.save(update_fields=["is_active"])
    assert 'id="flodesvarning"' not in html(client_for("kansli").get(LIST))


@override_settings(SAMLAD_WEBHOOKS_ALLOW_PRIVATE=True)
def test_several_failing_feeds_are_counted(client_for, server, source):
    for name in ("Trafikverkets störningar", "Krisinformation"):
        poll_source(source(name, f"{server.url}/saknas-{len(name)}.atom"))
    page = html(client_for("kansli").get(LIST))
    assert "Den senaste hämtningen från 2 flödeskällor misslyckades" in page


@pytest.mark.parametrize("username", ["nacka.kontakt", "nacka.admin", "tib"])
@override_settings(SAMLAD_WEBHOOKS_ALLOW_PRIVATE=True)
def test_nobody_but_platform_administrators_sees_the_feeds(client_for, server, source, username):
    broken = source("Trafikverkets störningar", f"{server.url}/saknas.atom")
    poll_source(broken)
    client = client_for(username)
    assert client.get(PAGE).status_code == 403
    page = html(client.get(LIST))
    assert 'id="flodesvarning"' not in page and "Trafikverkets störningar" not in page
    assert f'href="{PAGE}"' not in page


def test_a_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.get(PAGE)
    assert response.status_code == 302 and "/konto/logga-in/" in response["Location"]


def test_the_page_says_when_there_are_no_feeds(client_for):
    assert "Inga flödeskällor" in html(client_for("kansli").get(PAGE))
