"""An activation calls out every member function's person on duty (and the 24/7 contact points
of contact functions) by e-mail with a calendar invite and by SMS: one message per recipient and
channel, in the same transaction as the activation, ÖVNING on everything an exercise sends."""

from collections import Counter
from datetime import timedelta

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from samlad.activation import services
from samlad.activation.models import Activation, Participant, Recipient
from samlad.actors.models import Actor
from samlad.notify.models import Delivery


def test_every_actor_of_the_network_is_called_to_the_coordinating_forum(activate):
    activation = activate()
    called = set(activation.participants.values_list("actor__slug", flat=True))
    assert called == set(Actor.objects.values_list("slug", flat=True))
    assert len(called) == 37


def test_each_recipient_gets_exactly_one_message_per_channel(activate, deliveries):
    activation = activate()
    per_recipient = Counter()
    for delivery in deliveries(activation):
        recipient_id, channel = delivery.idempotency_key.split(":")[2:]
        per_recipient[(recipient_id, channel)] += 1
    assert set(per_recipient.values()) == {1}
    recipients = Recipient.objects.filter(activation=activation)
    emails = recipients.exclude(email="").count()
    phones = recipients.exclude(phone="").count()
    assert deliveries(activation).filter(channel="email").count() == emails
    assert deliveries(activation).filter(channel="sms").count() == phones


def test_nacka_is_called_on_its_duty_persons_mobile_and_e_mail_and_its_24_7_mailbox(
    activate, deliveries
):
    activation = activate()
    nacka = deliveries(activation).filter(recipient_actor__slug="nacka")
    assert sorted(nacka.values_list("channel", "address")) == [
        ("email", "nacka.247@demo.samlad.example"),
        ("email", "nacka.kontakt@demo.samlad.example"),
        (
            "sms",
            str(Recipient.objects.get(activation=activation, user__username="nacka.kontakt").phone),
        ),
    ]


def test_a_landline_contact_point_gets_no_sms(activate):
    activation = activate()
    switchboard = Recipient.objects.get(
        activation=activation,
        contact_point__label__startswith="Funktionsbrevlåda",
        participant__actor__slug="nacka",
    )
    assert switchboard.phone == ""
    assert (
        not Recipient.objects.filter(activation=activation, contact_point__channel="phone")
        .exclude(phone="")
        .exists()
    )


def test_the_call_out_says_when_how_to_join_and_how_to_answer(activate, deliveries):
    activation = activate()
    email = deliveries(activation).get(address="nacka.kontakt@demo.samlad.example")
    sms = deliveries(activation).get(channel="sms", recipient_user__username="nacka.kontakt")
    meeting = timezone.localtime(activation.meeting_at).strftime("%H:%M")
    for text in (email.body, sms.body):
        assert "08-465 004 81" in text
        assert "PIN 2019" in text
        assert "RSAM STHLM" in text
        assert meeting in text
        assert f"1 {activation.code}" in text
        assert f"3 20 {activation.code}" in text
        assert "/aktivering/svar/" in text
    assert "Regionalt samordnande forum" in email.subject
    assert activation.code in email.subject
    assert "Kallelse" in email.subject
    assert "Kontaktfunktion" in email.body
    assert "Snöoväder" in email.body


def test_the_e_mail_carries_a_valid_calendar_invite(activate, deliveries):
    activation = activate(meeting_at=timezone.now() + timedelta(minutes=20))
    email = deliveries(activation).get(address="nacka.kontakt@demo.samlad.example")
    (attachment,) = email.attachments
    assert attachment["filename"] == "kallelse.ics"
    assert attachment["content_type"] == "text/calendar; method=REQUEST"
    calendar = icalendar.Calendar.from_ical(attachment["content"])
    assert calendar["method"] == "REQUEST"
    assert calendar["version"] == "2.0"
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == activation.meeting_at.replace(microsecond=0) or abs(
        event.decoded("dtstart") - activation.meeting_at
    ) < timedelta(seconds=1)
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=60)
    assert str(event["summary"]) == "Regionalt samordnande forum"
    assert "08-465 004 81" in str(event["location"])
    assert str(event["uid"]) == f"{activation.public_id}@samlad"
    assert str(event["attendee"]) == "mailto:nacka.kontakt@demo.samlad.example"
    assert "/aktivering/svar/" in str(event["url"])


def test_an_exercise_says_ovning_in_every_message_and_the_invite(activate, deliveries, client_for):
    activation = activate(is_exercise=True)
    for delivery in deliveries(activation):
        assert delivery.body.startswith("ÖVNING")
        assert delivery.exercise
        if delivery.channel == "email":
            assert delivery.subject.startswith("ÖVNING")
            invite = icalendar.Calendar.from_ical(delivery.attachments[0]["content"])
            (event,) = invite.walk("VEVENT")
            assert str(event["summary"]).startswith("ÖVNING")
    page = client_for("nacka.kontakt").get(f"/aktivering/{activation.public_id}/")
    assert "ÖVNING" in page.content.decode()


def test_the_activation_and_its_messages_commit_or_roll_back_together(activate):
    before = Delivery.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        activate()
        raise RuntimeError("the database went away")
    assert Activation.objects.count() == 0
    assert Delivery.objects.count() == before


def test_nothing_is_called_when_the_activation_is_refused(activate, forum):
    coordinating = forum()
    coordinating.bridge_number = ""
    coordinating.rakel_talk_group = ""
    coordinating.save()
    with pytest.raises(ValidationError) as refused:
        activate()
    assert "bridge_number" in refused.value.message_dict
    assert Delivery.objects.count() == 0
    assert Activation.objects.count() == 0


def test_a_member_function_without_anyone_on_duty_falls_back_to_the_contact_function(
    activate, deliveries
):
    activation = activate("regionalt-inriktande-forum")
    nacka = Recipient.objects.filter(activation=activation, participant__actor__slug="nacka")
    assert {r.user.username for r in nacka if r.user} == {"nacka.kontakt"}


def test_an_actor_analysis_widens_the_composition(activate, actor, user, deliveries):
    activation = activate("verkstallande-forum-ledningscentraler")
    assert not activation.participants.filter(actor__slug="stockholmshamnar").exists()
    services.add_actors(
        by=user("tib"),
        activation=activation,
        actors=[actor("stockholmshamnar")],
        reason="Fartyg i sjönöd vid inloppet",
    )
    added = Participant.objects.get(activation=activation, actor__slug="stockholmshamnar")
    assert added.added_by_analysis
    assert deliveries(activation).filter(recipient_actor__slug="stockholmshamnar").count() == 3


def test_only_tib_activates(activate):
    from samlad.core.errors import NotPermitted

    for username in ("nacka.kontakt", "rsib", "kansli"):
        with pytest.raises(NotPermitted):
            activate(by=username)
    assert Delivery.objects.count() == 0
