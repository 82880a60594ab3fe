"""Polling the CAP/Atom feeds Samlad follows (e.g. SMHI's warnings), against a real local HTTP
server: new alerts become notices once, updates and cancels follow, failures are kept visible."""

import pytest
from django.test import override_settings
from noticekit import FeedServer, cap_alert

from samlad.core.schedule import run_due
from samlad.notices.models import Category, FeedSource, Notice
from samlad.notices.services.feed_polling import poll_source


@pytest.fixture
def smhi(actor):
    server = FeedServer()
    for name in ("smhi_snow_alert.xml", "smhi_snow_update.xml", "smhi_snow_cancel.xml"):
        server.documents[f"/{name}"] = cap_alert(name)
    server.documents["/malformed.xml"] = cap_alert("malformed.xml")
    source = FeedSource.objects.create(
        name="SMHI:s varningar",
        url=f"{server.url}/feed.atom",
        actor=actor("lansstyrelsen"),
        category=Category.objects.get(slug="vadervarning"),
    )
    yield server, source
    server.httpd.shutdown()


@override_settings(SAMLAD_WEBHOOKS_ALLOW_PRIVATE=True)
def test_a_warning_in_the_feed_becomes_a_notice_once(smhi):
    server, source = smhi
    server.feed("/smhi_snow_alert.xml")
    assert poll_source(source) == 1
    assert poll_source(source) == 0
    notice = Notice.objects.get()
    assert notice.is_external and notice.source == source
    assert notice.owner_actor.slug == "lansstyrelsen" and source.last_error == ""


@override_settings(SAMLAD_WEBHOOKS_ALLOW_PRIVATE=True)
def test_update_and_cancel_in_the_feed_follow_their_references(smhi):
    server, source = smhi
    server.feed("/smhi_snow_alert.xml", "/smhi_snow_update.xml")
    poll_source(source)
    notice = Notice.objects.get()
    assert notice.version == 2 and "25–40 cm" in notice.text
    server.feed("/smhi_snow_alert.xml", "/smhi_snow_update.xml", "/smhi_snow_cancel.xml")
    poll_source(source)
    notice.refresh_from_db()
    assert notice.is_withdrawn and notice.version == 3


@override_settings(SAMLAD_WEBHOOKS_ALLOW_PRIVATE=True)
def test_a_broken_alert_in_the_feed_is_recorded_and_the_rest_imported(smhi):
    server, source = smhi
    server.feed("/malformed.xml", "/saknas.xml", "/smhi_snow_alert.xml")
    assert poll_source(source) == 1
    source.refresh_from_db()
    assert "välformad" in source.last_error and "404" in source.last_error


@override_settings(SAMLAD_WEBHOOKS_ALLOW_PRIVATE=True)
def test_a_source_that_gives_one_cap_alert_directly(smhi):
    server, source = smhi
    source.url = f"{server.url}/smhi_snow_alert.xml"
    assert poll_source(source) == 1


@override_settings(SAMLAD_WEBHOOKS_ALLOW_PRIVATE=True)
def test_the_schedule_polls_the_sources_that_are_due(smhi):
    server, source = smhi
    server.feed("/smhi_snow_alert.xml")
    assert "notices.poll_feeds" in run_due()
    assert Notice.objects.filter(source=source).exists()


def test_outside_test_settings_a_local_feed_is_refused(smhi):
    server, source = smhi
    server.feed("/smhi_snow_alert.xml")
    assert poll_source(source) == 0
    source.refresh_from_db()
    assert "HTTPS" in source.last_error and not Notice.objects.exists()
