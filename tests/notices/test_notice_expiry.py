"""An expired notice reads as expired everywhere (issue 12, item 4): once its valid_until has
passed, the page, the list, the API's status and the Atom feed say so, with no job having run
(the status is computed from the clock)."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client
from lxml import etree
from noticekit import cap_alert
from rest_framework.test import APIClient

from samlad.notices.services import feed_tokens
from samlad.notices.services.cap_import import import_cap

ATOM = {"a": "http://www.w3.org/2005/Atom"}
# SMHI's snow warning is valid until 2026-01-15 18:00 (+01:00), i.e. 17:00 UTC.
BEFORE = datetime(2026, 1, 15, 16, 0, tzinfo=UTC)
AFTER = datetime(2026, 1, 15, 17, 1, tzinfo=UTC)


@pytest.fixture
def warning(user):
    with time_machine.travel(datetime(2026, 1, 14, 6, 0, tzinfo=UTC), tick=False):
        return import_cap(by=user("tib"), data=cap_alert("smhi_snow_alert.xml")).notice


def api_status(user, notice) -> str:
    client = APIClient()
    client.force_authenticate(user)
    return client.get(f"/api/v1/notices/{notice.public_id}/").json()["status"]


def feed_titles(token) -> list[str]:
    feed = etree.fromstring(Client().get("/api/v1/notices/feed.atom", {"token": token}).content)
    return [t.text for t in feed.findall("a:entry/a:title", ATOM)]


def test_the_api_says_expired_once_valid_until_has_passed(warning, user):
    with time_machine.travel(BEFORE, tick=False):
        assert api_status(user("nacka.kontakt"), warning) == "active"
    with time_machine.travel(AFTER, tick=False):
        assert api_status(user("nacka.kontakt"), warning) == "expired"


def test_the_page_and_the_list_say_expired(warning, client_for):
    client = client_for("nacka.kontakt")
    with time_machine.travel(BEFORE, tick=False):
        assert (
            "Utgången" not in client.get(f"/underrattelser/{warning.public_id}/").content.decode()
        )
    with time_machine.travel(AFTER, tick=False):
        page = client.get(f"/underrattelser/{warning.public_id}/").content.decode()
        assert "Utgången" in page and "har gått ut" in page
        listing = client.get("/underrattelser/").content.decode()
        assert f'class="notice expired" id="n-{warning.public_id}"' in listing


def test_the_atom_feed_marks_an_expired_warning(warning, user):
    _token, raw = feed_tokens.create_feed_token(by=user("nacka.admin"), name="Krisledningen")
    headline = "Klass 2-varning: Mycket snö, Stockholms län"
    with time_machine.travel(BEFORE, tick=False):
        assert headline in feed_titles(raw)
    with time_machine.travel(AFTER, tick=False):
        assert f"UTGÅNGEN: {headline}" in feed_titles(raw)


def test_a_withdrawn_notice_stays_withdrawn_after_it_expires(warning, user):
    import_cap(by=user("tib"), data=cap_alert("smhi_snow_update.xml"))
    import_cap(by=user("tib"), data=cap_alert("smhi_snow_cancel.xml"))
    with time_machine.travel(AFTER, tick=False):
        assert api_status(user("nacka.kontakt"), warning) == "withdrawn"
