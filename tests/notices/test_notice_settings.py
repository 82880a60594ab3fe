"""Notification settings: my own; an actor's permission administrator sees and sets those of its
own users and never another actor's; digests collect what a user chose to get later."""

import pytest

from samlad.core.errors import NotPermitted
from samlad.core.schedule import run_due
from samlad.notices.models import DigestItem, NotificationPreference
from samlad.notices.services import preferences
from samlad.notices.services.digests import send_digests
from samlad.notices.services.notices import publish_notice
from samlad.notify.models import Delivery


def test_i_change_my_own_settings_on_the_page(client_for, user, category):
    client = client_for("nacka.kontakt")
    page = client.get("/underrattelser/installningar/")
    assert page.status_code == 200 and "Mina aviseringsinställningar" in page.content.decode()
    response = client.post(
        "/underrattelser/installningar/",
        {
            "email-enabled": "on",
            "email-categories": [category("trafik").pk],
            "email-scope": "all",
            "email-timing": "digest",
            "sms-scope": "all",
            "sms-timing": "immediate",
        },
    )
    assert response.status_code == 302
    email = NotificationPreference.objects.get(user=user("nacka.kontakt"), channel="email")
    assert email.timing == "digest" and not email.all_categories
    assert [c.slug for c in email.categories.all()] == ["trafik"]
    assert not NotificationPreference.objects.get(user=user("nacka.kontakt"), channel="sms").enabled


def test_choosing_no_category_is_a_form_error(client_for):
    response = client_for("nacka.kontakt").post(
        "/underrattelser/installningar/",
        {
            "email-enabled": "on",
            "email-scope": "all",
            "email-timing": "immediate",
            "sms-scope": "all",
            "sms-timing": "immediate",
        },
    )
    assert response.status_code == 200
    assert "Välj minst en kategori" in response.content.decode()


def test_the_permission_administrator_sees_and_sets_its_users_settings(client_for, user):
    client = client_for("nacka.admin")
    overview = client.get("/underrattelser/installningar/anvandare/").content.decode()
    assert "nacka.kontakt" in overview and "polisen.kontakt" not in overview
    contact = user("nacka.kontakt")
    url = f"/underrattelser/installningar/anvandare/{contact.public_id}/"
    assert client.get(url).status_code == 200
    client.post(
        url,
        {
            "email-scope": "all",
            "email-timing": "immediate",
            "sms-enabled": "on",
            "sms-all_categories": "on",
            "sms-scope": "all",
            "sms-timing": "immediate",
        },
    )
    sms = NotificationPreference.objects.get(user=contact, channel="sms")
    assert sms.enabled and sms.all_categories
    assert not NotificationPreference.objects.get(user=contact, channel="email").enabled


def test_the_permission_administrator_never_reaches_another_actors_users(client_for, user):
    client = client_for("nacka.admin")
    police = user("polisen.kontakt")
    assert (
        client.get(f"/underrattelser/installningar/anvandare/{police.public_id}/").status_code
        == 404
    )
    with pytest.raises(NotPermitted):
        preferences.set_preference(
            by=user("nacka.admin"), user=police, channel="sms", enabled=False
        )


def test_an_ordinary_user_cannot_set_a_colleagues_settings(client_for, user):
    client = client_for("nacka.kontakt")
    assert client.get("/underrattelser/installningar/anvandare/").status_code == 403
    admin = user("nacka.admin")
    assert (
        client.get(f"/underrattelser/installningar/anvandare/{admin.public_id}/").status_code == 403
    )
    with pytest.raises(NotPermitted):
        preferences.set_preference(
            by=user("nacka.kontakt"), user=admin, channel="sms", enabled=True
        )


def test_a_digest_collects_the_notices_and_is_sent_once(user, category):
    first = publish_notice(by=user("tib"), headline="Snö i natt", text="x", category=category())
    second = publish_notice(
        by=user("tib"), headline="E4 avstängd", text="y", category=category("trafik")
    )
    admin = user("nacka.admin")
    assert DigestItem.objects.filter(user=admin).count() == 2
    assert not Delivery.objects.filter(recipient_user=admin).exists()
    send_digests()
    digest = Delivery.objects.get(recipient_user=admin, topic="notice-digest")
    assert digest.channel == "email" and digest.address == admin.email
    assert first.headline in digest.body and second.headline in digest.body
    send_digests()
    assert Delivery.objects.filter(recipient_user=admin, topic="notice-digest").count() == 1


def test_the_digest_job_runs_on_the_schedule(user, category):
    publish_notice(by=user("tib"), headline="Snö", text="x", category=category())
    assert "notices.send_digests" in run_due()
    assert Delivery.objects.filter(
        topic="notice-digest", recipient_user=user("nacka.admin")
    ).exists()


def test_a_correction_reaches_a_digest_reader_in_the_next_digest(user, category):
    from samlad.notices.services.notices import correct_notice

    notice = publish_notice(by=user("tib"), headline="Snö", text="x", category=category())
    send_digests()
    correct_notice(by=user("tib"), notice=notice, text="Mer snö", change_note="Mer")
    send_digests()
    digests = Delivery.objects.filter(topic="notice-digest", recipient_user=user("nacka.admin"))
    assert digests.count() == 2 and "[rättad]" in digests.order_by("-id").first().body
