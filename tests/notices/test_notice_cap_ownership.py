"""Who may change an imported CAP alert (issue 11, finding 1): an Update or Cancel is taken only
from the sender of the original alert and from the actor that owns the notice (or the feed source
that imported it). Alerts are deduplicated per owner, so nobody can import a real sender's
identifier first to have the genuine alert skipped, and a repeat import answers only with the
caller's own notice."""

import pytest
from noticekit import cap_alert, deliveries
from rest_framework.test import APIClient

from samlad.notices.cap.parse import ImportRefused, parse_alert
from samlad.notices.models import Category, FeedSource, Notice
from samlad.notices.services.cap_import import import_alert, import_cap

SMHI_REFERENCE = "varningar@smhi.se,SE-SMHI-WARN-20260114-0412,2026-01-14T06:00:00+01:00"


def restricted_alert(headline="Polisinsats Södertälje, avspärrat område") -> bytes:
    return (
        cap_alert("smhi_snow_alert.xml")
        .replace(b"<scope>Public</scope>", b"<scope>Restricted</scope><restriction>P</restriction>")
        .replace(b"Klass 2-varning: Mycket sn\xc3\xb6, Stockholms l\xc3\xa4n", headline.encode())
    )


def cancel(*, sender: str, reference: str = SMHI_REFERENCE) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>'
        f'<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">'
        f"<identifier>CANCEL-1</identifier><sender>{sender}</sender>"
        f"<sent>2026-01-14T09:00:00+01:00</sent><status>Actual</status><msgType>Cancel</msgType>"
        f"<scope>Public</scope><note>Hävd</note><references>{reference}</references></alert>"
    ).encode()


def api(username: str) -> APIClient:
    from samlad.accounts.models import User

    client = APIClient()
    client.force_authenticate(User.objects.get(username=username))
    return client


@pytest.fixture
def polisens(user):
    return import_cap(by=user("polisen.kontakt"), data=restricted_alert()).notice


def test_a_repeat_import_by_another_actor_never_answers_with_the_owners_notice(polisens, user):
    again = import_cap(by=user("nacka.kontakt"), data=restricted_alert("Nackas egen rubrik"))
    assert again.notice != polisens
    assert again.notice.owner_actor.slug == "nacka"
    assert again.notice.headline == "Nackas egen rubrik"


def test_the_import_api_does_not_show_another_actors_headline(polisens):
    response = api("nacka.kontakt").post(
        "/api/v1/cap/import/",
        restricted_alert("Nackas egen rubrik"),
        content_type="application/cap+xml",
    )
    assert "Polisinsats" not in response.content.decode()
    assert response.json()["notice"]["id"] != str(polisens.public_id)


def test_a_cancel_with_another_sender_does_not_withdraw_another_actors_notice(polisens, user):
    before = deliveries(polisens).count()
    with pytest.raises(ImportRefused):
        import_cap(by=user("nacka.kontakt"), data=cancel(sender="nacka@example.se"))
    polisens.refresh_from_db()
    assert not polisens.is_withdrawn and polisens.version == 1
    assert polisens.headline.startswith("Polisinsats")
    assert deliveries(polisens).count() == before


def test_a_cancel_with_the_right_sender_from_another_actor_is_refused(polisens, user):
    with pytest.raises(ImportRefused):
        import_cap(by=user("nacka.kontakt"), data=cancel(sender="varningar@smhi.se"))
    polisens.refresh_from_db()
    assert not polisens.is_withdrawn


def test_the_owner_cannot_cancel_with_another_sender(polisens, user):
    with pytest.raises(ImportRefused) as refusal:
        import_cap(by=user("polisen.kontakt"), data=cancel(sender="someone@example.se"))
    assert "avsändare" in refusal.value.reason
    polisens.refresh_from_db()
    assert not polisens.is_withdrawn


def test_the_owner_cancels_with_the_same_sender(polisens, user):
    result = import_cap(by=user("polisen.kontakt"), data=cancel(sender="varningar@smhi.se"))
    assert result.notice == polisens and result.notice.is_withdrawn


def test_pre_importing_an_identifier_does_not_make_the_genuine_feed_alert_skipped(user, actor):
    fake = cap_alert("smhi_snow_alert.xml").replace(
        b"<description>", b"<description>FALSKT: ingen varning. "
    )
    import_cap(by=user("nacka.kontakt"), data=fake)
    source = FeedSource.objects.create(
        name="SMHI",
        url="https://opendata.smhi.se/feed.atom",
        actor=actor("lansstyrelsen"),
        category=Category.objects.get(slug="vadervarning"),
    )
    genuine = import_alert(alert=parse_alert(cap_alert("smhi_snow_alert.xml")), source=source)
    assert genuine.created and genuine.notice.owner_actor == actor("lansstyrelsen")
    assert "FALSKT" not in genuine.notice.text
    # The genuine sender's update reaches the genuine notice, not the fake one.
    update = import_alert(alert=parse_alert(cap_alert("smhi_snow_update.xml")), source=source)
    assert update.notice == genuine.notice and update.notice.version == 2
    assert Notice.objects.get(owner_actor=actor("nacka")).version == 1


def test_pre_importing_does_not_make_another_actors_upload_skipped(user, actor):
    import_cap(by=user("nacka.kontakt"), data=cap_alert("smhi_snow_alert.xml"))
    genuine = import_cap(by=user("tib"), data=cap_alert("smhi_snow_alert.xml"))
    assert genuine.created and genuine.notice.owner_actor == actor("lansstyrelsen")


def test_the_same_actor_importing_again_gets_its_notice(user, actor):
    first = import_cap(by=user("tib"), data=cap_alert("smhi_snow_alert.xml"))
    again = import_cap(by=user("tib"), data=cap_alert("smhi_snow_alert.xml"))
    assert not again.created and again.notice == first.notice
