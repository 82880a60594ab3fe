"""Publishing, correcting and withdrawing a notice: who it reaches, per their settings and the
notice's restriction, and that a correction or withdrawal reaches the same people again."""

import pytest
from django.core.exceptions import ValidationError
from noticekit import deliveries, reached

from samlad.core.errors import NotPermitted
from samlad.notices.models import NotificationPreference, Scope
from samlad.notices.services import preferences
from samlad.notices.services.notices import correct_notice, publish_notice, withdraw_notice


@pytest.fixture
def snow_notice(user, category):
    return publish_notice(
        by=user("tib"),
        headline="Kraftigt snöfall väntas i natt",
        text="SMHI har utfärdat en gul varning för snöfall, 15–25 cm inom 12 timmar.",
        category=category("vadervarning"),
    )


def test_an_open_notice_reaches_every_contact_function_by_email_at_once(snow_notice):
    emailed = reached(snow_notice, channel="email")
    assert {"nacka.kontakt", "polisen.kontakt", "tib", "rkk"} <= emailed
    # Permission administrators chose a digest, so nothing at once.
    assert "nacka.admin" not in emailed


def test_sms_goes_to_contact_functions_only_for_the_urgent_categories(user, category):
    notice = publish_notice(
        by=user("tib"),
        headline="Nytt konferensnummer",
        text="Ring 08-123",
        category=category("ovrigt"),
    )
    assert "nacka.kontakt" not in reached(notice, channel="sms")
    assert "tib" in reached(notice, channel="sms")
    assert "nacka.kontakt" in reached(notice, channel="email")


def test_the_email_says_what_and_who(snow_notice):
    mail = deliveries(snow_notice).get(channel="email", recipient_user__username="nacka.kontakt")
    assert "Kraftigt snöfall väntas i natt" in mail.subject
    assert "Länsstyrelsen Stockholm" in mail.body and "gul varning" in mail.body
    assert (
        mail.idempotency_key == f"notice:{snow_notice.public_id}:v1:email:u{mail.recipient_user_id}"
    )


def test_a_restricted_notice_reaches_only_users_of_the_named_actors(user, actor, category):
    notice = publish_notice(
        by=user("polisen.kontakt"),
        headline="Förhöjd hotbild mot vattenverk",
        text="Bevakning förstärks.",
        category=category("sakerhet"),
        classification="restricted",
        shared_with=[actor("lansstyrelsen"), actor("stockholm")],
    )
    everyone = {d.recipient_user for d in deliveries(notice).select_related("recipient_user")}
    assert {u.actor.slug for u in everyone} == {"polisen", "lansstyrelsen", "stockholm"}
    assert "nacka.kontakt" not in reached(notice, channel="email")


def test_a_restricted_notice_never_reaches_another_actor_whatever_their_settings(
    user, actor, category
):
    nacka = user("nacka.kontakt")
    for channel in ("email", "sms"):
        preferences.set_preference(by=nacka, user=nacka, channel=channel, enabled=True)
    notice = publish_notice(
        by=user("polisen.kontakt"),
        headline="Skyddsobjekt",
        text="Intern uppgift",
        category=category("sakerhet"),
        classification="restricted",
        shared_with=[actor("sosalarm")],
    )
    assert not deliveries(notice).filter(recipient_user=nacka).exists()
    assert not deliveries(notice).filter(recipient_actor=actor("nacka")).exists()


def test_a_user_who_switched_notices_off_gets_nothing(user, category):
    nacka = user("nacka.kontakt")
    NotificationPreference.objects.filter(user=nacka).update(enabled=False)
    notice = publish_notice(by=user("tib"), headline="Info", text="Text", category=category())
    assert not deliveries(notice).filter(recipient_user=nacka).exists()


def test_only_followed_events_means_no_notice_without_a_followed_event(user, category, snowstorm):
    nacka = user("nacka.kontakt")
    preferences.set_preference(
        by=nacka, user=nacka, channel="email", enabled=True, scope=Scope.FOLLOWED
    )
    unrelated = publish_notice(by=user("tib"), headline="Info", text="Text", category=category())
    assert "nacka.kontakt" not in reached(unrelated, channel="email")
    preferences.follow_event(by=nacka, event=snowstorm)
    about_it = publish_notice(
        by=user("tib"), headline="Snö", text="Läget", category=category(), event=snowstorm
    )
    assert "nacka.kontakt" in reached(about_it, channel="email")


def test_only_chosen_categories_arrive(user, category):
    nacka = user("nacka.kontakt")
    preferences.set_preference(
        by=nacka,
        user=nacka,
        channel="email",
        enabled=True,
        all_categories=False,
        categories=[category("trafik")],
    )
    weather = publish_notice(by=user("tib"), headline="Snö", text="Text", category=category())
    traffic = publish_notice(
        by=user("tib"), headline="E4 stängd", text="Text", category=category("trafik")
    )
    assert "nacka.kontakt" not in reached(weather, channel="email")
    assert "nacka.kontakt" in reached(traffic, channel="email")


def test_a_correction_reaches_the_same_recipients_and_says_what_changed(user, snow_notice):
    first = reached(snow_notice, channel="email", version=1)
    # A recipient who changes their settings afterwards still hears of the correction.
    NotificationPreference.objects.filter(user=user("nacka.kontakt")).update(enabled=False)
    corrected = correct_notice(
        by=user("tib"),
        notice=snow_notice,
        text="SMHI har utfärdat en orange varning för snöfall, 20–30 cm.",
        change_note="Varningen är uppgraderad från gul till orange.",
    )
    assert corrected.version == 2
    assert reached(snow_notice, channel="email", version=2) == first
    mail = deliveries(snow_notice, version=2).get(
        channel="email", recipient_user__username="nacka.kontakt"
    )
    assert mail.subject.startswith("Rättelse")
    assert "uppgraderad från gul till orange" in mail.body


def test_a_withdrawal_reaches_the_same_recipients(user, snow_notice):
    first_sms = reached(snow_notice, channel="sms", version=1)
    withdraw_notice(by=user("tib"), notice=snow_notice, reason="Varningen är hävd.")
    assert reached(snow_notice, channel="sms", version=2) == first_sms
    sms = deliveries(snow_notice, version=2).filter(channel="sms").first()
    assert sms.body.startswith("ÅTERKALLAD")


def test_only_the_publishing_actor_corrects(user, snow_notice):
    with pytest.raises(NotPermitted):
        correct_notice(by=user("nacka.kontakt"), notice=snow_notice, text="x", change_note="y")


def test_a_correction_must_say_what_changed(user, snow_notice):
    with pytest.raises(ValidationError):
        correct_notice(by=user("tib"), notice=snow_notice, text="Ny text", change_note=" ")


def test_a_withdrawn_notice_cannot_be_corrected(user, snow_notice):
    withdraw_notice(by=user("tib"), notice=snow_notice)
    with pytest.raises(ValidationError):
        correct_notice(by=user("tib"), notice=snow_notice, text="Ny", change_note="Ny")


def test_an_exercise_notice_says_ovning_in_every_message(user, category):
    notice = publish_notice(
        by=user("tib"), headline="Övningsläge", text="Text", category=category(), is_exercise=True
    )
    for delivery in deliveries(notice).exclude(channel="webhook"):
        assert delivery.exercise and delivery.body.startswith("ÖVNING")


def test_a_notice_cannot_stop_being_valid_before_it_starts(user, category):
    from django.utils import timezone

    now = timezone.now()
    with pytest.raises(ValidationError) as error:
        publish_notice(
            by=user("tib"),
            headline="x",
            text="y",
            category=category(),
            valid_from=now,
            valid_until=now,
        )
    assert "valid_until" in error.value.message_dict
