"""The event page: header, latest picture, the actors' reports, the log book and its forms."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samlad.events import services
from samlad.events.models import ActorReport, LogBookEntry


def page_of(event) -> str:
    return reverse("events:detail", args=[event.public_id])


def test_the_event_page_shows_the_event_its_reports_and_its_log_book(client_for, snowstorm, user):
    services.file_report(
        by=user("nacka.kontakt"),
        event=snowstorm,
        situation="Flera vägar blockerade i Boo.",
        needs="Förstärkning med snöröjning.",
    )
    services.add_log_entry(
        by=user("tib"), event=snowstorm, kind="decision", text="Samordnande forum aktiveras."
    )
    page = client_for("varmdo.kontakt").get(page_of(snowstorm)).content.decode()
    for text in [
        "Snöoväder Stockholms län",
        "Svåra väderförhållanden",
        "Aktiverat läge",
        "Länsstyrelsen Stockholm",
        "Nacka kommun, Värmdö kommun",
        "Flera vägar blockerade i Boo.",
        "Förstärkning med snöröjning.",
        "Samordnande forum aktiveras.",
        "Beslut",
        "Händelselogg",
        "Lämna aktörsrapport",
        "Ingen samlad lägesbild har publicerats än.",
    ]:
        assert text in page, text
    assert "Sammanställ samlad lägesbild" not in page


def test_times_are_shown_in_stockholm_time(client_for, user, event_type):
    from datetime import UTC, datetime

    event = services.create_event(
        by=user("tib"),
        title="Midsommar",
        event_type=event_type(),
        starts_at=datetime(2026, 6, 19, 10, 0, tzinfo=UTC),
    )
    assert "2026-06-19 12:00" in client_for("tib").get(page_of(event)).content.decode()


def test_an_exercise_is_marked_on_its_page(client_for, user, event_type):
    drill = services.create_event(
        by=user("tib"), title="Länsövning", event_type=event_type(), is_exercise=True
    )
    page = client_for("nacka.kontakt").get(page_of(drill)).content.decode()
    assert "ÖVNING – Länsövning" in page and "exercise-banner" in page


def test_tib_sees_the_link_to_the_picture_editor(client_for, snowstorm):
    page = client_for("tib").get(page_of(snowstorm)).content.decode()
    assert reverse("events:picture_editor", args=[snowstorm.public_id]) in page


def test_a_contact_function_files_its_report_through_the_page(client_for, snowstorm, actor):
    client = client_for("nacka.kontakt")
    response = client.post(
        reverse("events:file_report", args=[snowstorm.public_id]),
        {
            "situation": "Trygghetspunkt öppen i Orminge.",
            "needs": "Reservkraft",
            "classification": "open",
            "osl_reference": "",
        },
    )
    assert response.status_code == 302
    report = ActorReport.objects.get(event=snowstorm, owner_actor=actor("nacka"))
    assert report.situation == "Trygghetspunkt öppen i Orminge." and report.version == 1
    page = client.get(page_of(snowstorm)).content.decode()
    assert "Trygghetspunkt öppen i Orminge." in page
    # The form is prefilled from the actor's current report.
    form = client.get(page_of(snowstorm)).context["report_form"]
    assert form.initial["needs"] == "Reservkraft"


def test_a_report_without_a_situation_or_confidential_without_osl_is_refused_clearly(
    client_for, snowstorm
):
    client = client_for("nacka.kontakt")
    url = reverse("events:file_report", args=[snowstorm.public_id])
    response = client.post(url, {"situation": " ", "classification": "open"})
    assert response.status_code == 200
    assert "situation" in response.context["report_form"].errors
    response = client.post(url, {"situation": "X", "classification": "confidential"})
    assert response.status_code == 200
    assert "osl_reference" in response.context["report_form"].errors
    assert not ActorReport.objects.filter(event=snowstorm).exists()


def test_no_report_into_a_closed_event(client_for, snowstorm, user):
    services.close_event(by=user("tib"), event=snowstorm)
    client = client_for("nacka.kontakt")
    assert "Lämna aktörsrapport" not in client.get(page_of(snowstorm)).content.decode()
    response = client.post(
        reverse("events:file_report", args=[snowstorm.public_id]),
        {"situation": "Sent", "classification": "open"},
    )
    assert response.status_code == 200
    assert "Händelsen är stängd" in response.content.decode()


def test_tib_records_an_actors_oral_report(client_for, snowstorm, actor):
    client_for("tib").post(
        reverse("events:file_report", args=[snowstorm.public_id]),
        {
            "for_actor": actor("varmdo").pk,
            "situation": "Muntligt: elavbrott",
            "classification": "open",
        },
    )
    assert ActorReport.objects.get(event=snowstorm).owner_actor == actor("varmdo")


def test_a_log_book_entry_and_its_correction_through_the_page(client_for, snowstorm):
    client = client_for("nacka.kontakt")
    url = reverse("events:add_log_entry", args=[snowstorm.public_id])
    response = client.post(
        url,
        {"kind": "decision", "text": "Trygghetspunkt öppnar kl 14", "at": "2026-01-10T13:30"},
    )
    assert response.status_code == 302
    client.post(url, {"kind": "decision", "text": "Öppnar kl 16, inte 14", "corrects": "1"})
    first, second = LogBookEntry.objects.filter(event=snowstorm).order_by("number")
    assert second.corrects == first
    page = client.get(page_of(snowstorm)).content.decode()
    assert "2026-01-10 13:30" in page
    assert "Rättelse av" in page and 'href="' + page_of(snowstorm) + '?fore=2#logg-1"' in page
    assert "rättad" in page and "Trygghetspunkt öppnar kl 14" in page


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"kind": "information", "text": "   "}, "text"),
        ({"kind": "gossip", "text": "X"}, "kind"),
        ({"kind": "information", "text": "X", "corrects": "99"}, "corrects"),
        ({"kind": "information", "text": "X", "corrects": "ett"}, "corrects"),
        ({"kind": "information", "text": "X", "at": "2099-01-01T10:00"}, "at"),
        ({"kind": "information", "text": "X", "at": "igår"}, "at"),
    ],
)
def test_a_bad_log_book_entry_gets_a_clear_error(client_for, snowstorm, data, field):
    response = client_for("nacka.kontakt").post(
        reverse("events:add_log_entry", args=[snowstorm.public_id]), data
    )
    assert response.status_code == 200
    assert field in response.context["log_form"].errors
    assert not LogBookEntry.objects.filter(event=snowstorm).exists()


def test_the_log_book_shows_fifty_entries_and_links_to_older_ones(client_for, snowstorm, user):
    for number in range(1, 56):
        services.add_log_entry(
            by=user("tib"), event=snowstorm, kind="information", text=f"Post nummer {number}."
        )
    client = client_for("nacka.kontakt")
    page = client.get(page_of(snowstorm)).content.decode()
    assert "Post nummer 55." in page and "Post nummer 6." in page
    assert "Post nummer 5." not in page
    assert f"{page_of(snowstorm)}?fore=6#logg" in page and "Äldre poster" in page
    older = client.get(page_of(snowstorm), {"fore": 6}).content.decode()
    assert "Post nummer 5." in older and "Post nummer 6." not in older
    assert "Nyaste posterna" in older


def test_each_section_is_served_alone_for_live_updates(client_for, snowstorm, user):
    services.add_log_entry(by=user("tib"), event=snowstorm, kind="contact", text="Samtal SMHI")
    services.file_report(by=user("nacka.kontakt"), event=snowstorm, situation="Snö i Boo")
    client = client_for("varmdo.kontakt")
    log = client.get(page_of(snowstorm), {"partial": "log"}).content.decode()
    assert "Samtal SMHI" in log and "<html" not in log and "Snö i Boo" not in log
    reports = client.get(page_of(snowstorm), {"partial": "reports"}).content.decode()
    assert "Snö i Boo" in reports and "<html" not in reports
    header = client.get(page_of(snowstorm), {"partial": "header"}).content.decode()
    assert "Snöoväder Stockholms län" in header and "<html" not in header
    picture = client.get(page_of(snowstorm), {"partial": "picture"}).content.decode()
    assert "Samlad lägesbild" in picture


def test_the_page_carries_its_live_stream_from_the_last_change(client_for, snowstorm):
    from samlad.core import live

    response = client_for("nacka.kontakt").get(page_of(snowstorm))
    change_id = live.latest_change_id(f"event:{snowstorm.public_id}")
    stream = reverse("events:stream", args=[snowstorm.public_id])
    page = response.content.decode()
    assert f'sse-connect="{stream}?efter={change_id}"' in page
    assert 'hx-trigger="sse:log"' in page and 'hx-trigger="sse:report"' in page
    assert 'hx-trigger="sse:picture"' in page
    assert "<script>" not in page and "style=" not in page


def test_an_invisible_unknown_or_malformed_event_is_not_found(client_for, restricted_event):
    client = client_for("nacka.kontakt")
    assert client.get(page_of(restricted_event)).status_code == 404
    assert client.get(page_of(restricted_event), {"partial": "log"}).status_code == 404
    assert client.get("/handelser/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert client.get("/handelser/inte-ett-id/").status_code == 404
    post = reverse("events:add_log_entry", args=[restricted_event.public_id])
    assert client.post(post, {"kind": "information", "text": "X"}).status_code == 404
    post = reverse("events:file_report", args=[restricted_event.public_id])
    assert client.post(post, {"situation": "X", "classification": "open"}).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, snowstorm):
    response = client.get(page_of(snowstorm))
    assert response.status_code == 302 and "/konto/" in response["Location"]


def test_the_page_is_in_english_when_the_user_chose_english(client_for, snowstorm, user):
    services.add_log_entry(by=user("tib"), event=snowstorm, kind="decision", text="Beslut X")
    client = client_for("nacka.kontakt")
    client.cookies["django_language"] = "en"
    page = client.get(page_of(snowstorm)).content.decode()
    assert "Log book" in page and "File an actor report" in page
    assert "Severe weather" in page and "Activated mode" in page and "Decision" in page
    assert "Händelselogg" not in page


def test_the_page_costs_the_same_number_of_queries_however_long_the_log_book(
    client_for, snowstorm, user, django_assert_max_num_queries
):
    tib = user("tib")
    services.file_report(by=user("nacka.kontakt"), event=snowstorm, situation="Snö")
    first = services.add_log_entry(by=tib, event=snowstorm, kind="information", text="1")
    client = client_for("tib")
    client.get(page_of(snowstorm))
    with CaptureQueriesContext(connection) as few:
        client.get(page_of(snowstorm))
    for number in range(120):
        services.add_log_entry(
            by=tib,
            event=snowstorm,
            kind="information",
            text=f"Post {number}",
            corrects=first if number % 10 == 0 else None,
        )
    with django_assert_max_num_queries(len(few)):
        response = client.get(page_of(snowstorm))
    assert response.status_code == 200


def test_an_exercise_is_marked_on_every_page_about_it(client_for, user, event_type):
    drill = services.create_event(
        by=user("tib"), title="Länsövning", event_type=event_type(), is_exercise=True
    )
    draft = services.save_picture_draft(by=user("tib"), event=drill, revision=0, summary="Övat")
    services.publish_picture(by=user("tib"), event=drill, revision=draft.revision)
    client = client_for("tib")
    args = [drill.public_id]
    for url in [
        reverse("events:list"),
        page_of(drill),
        reverse("events:edit", args=args),
        reverse("events:picture_editor", args=args),
        reverse("events:picture_version", args=[*args, 1]),
        reverse("events:picture_short", args=[*args, 1]),
        reverse("events:picture_print", args=[*args, 1]),
        reverse("events:picture_compare", args=args),
        reverse("events:search") + "?q=länsövning",
    ]:
        assert "ÖVNING" in client.get(url).content.decode(), url


def test_an_actors_report_history_lists_every_version_newest_first(
    client_for, snowstorm, user, actor
):
    for text in ["Första läget", "Andra läget"]:
        services.file_report(by=user("nacka.kontakt"), event=snowstorm, situation=text)
    url = reverse("events:report_history", args=[snowstorm.public_id, actor("nacka").public_id])
    page = client_for("varmdo.kontakt").get(url).content.decode()
    assert page.index("Andra läget") < page.index("Första läget")
    assert "Aktuell rapport" in page
    unknown = reverse("events:report_history", args=[snowstorm.public_id, snowstorm.public_id])
    assert client_for("varmdo.kontakt").get(unknown).status_code == 404


def test_correct_next_to_an_entry_prefills_the_correction(client_for, snowstorm, user):
    services.add_log_entry(by=user("tib"), event=snowstorm, kind="decision", text="Fel tid")
    client = client_for("nacka.kontakt")
    page = client.get(page_of(snowstorm)).content.decode()
    assert f"{page_of(snowstorm)}?rattar=1#ny-loggpost" in page and "Rätta" in page
    form = client.get(page_of(snowstorm), {"rattar": 1}).context["log_form"]
    assert form.initial["corrects"] == 1
