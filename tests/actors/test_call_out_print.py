"""The printable call-out list at /aktorer/utskrift/: for paper, when the system is down. Who
printed it and when (Stockholm time), how it must be handled, every actor in Swedish alphabetical
order with its 24/7 numbers, and only what the user may see, classified rows marked."""

from datetime import UTC, datetime

import time_machine

from samlad.core.models import ConfidentialRead

PRINT = "/aktorer/utskrift/"


def printout(client) -> str:
    response = client.get(PRINT)
    assert response.status_code == 200
    return response.content.decode()


def test_the_print_says_who_printed_it_and_when_in_stockholm_time(client_for, user):
    with time_machine.travel(datetime(2025, 3, 1, 23, 30, tzinfo=UTC), tick=False):
        html = printout(client_for("nacka.kontakt"))
    who = user("nacka.kontakt")
    assert "<h1>Aktiveringslista</h1>" in html
    assert f"Utskriven 2025-03-02 00:30 av {who} (Nacka kommun)" in html


def test_the_print_warns_that_it_holds_information_up_to_the_users_level(client_for):
    html = printout(client_for("nacka.kontakt"))
    assert "Utskriften innehåller information klassificerad upp till din behörighetsnivå" in html


def test_every_actor_is_listed_in_swedish_alphabetical_order(client_for):
    html = printout(client_for("nacka.kontakt"))
    names = [
        "Botkyrka kommun",
        "Brandkåren Attunda",
        "Försvarsmakten Mellersta militärregionen",
        "Länsstyrelsen Stockholm",
        "SOS Alarm",
        "Södertälje kommun",
        "Södertörns brandförsvarsförbund",
        "Trafikverket",
        "Tyresö kommun",
        "Täby kommun",
        "Värmdö kommun",
        "Österåkers kommun",
    ]
    positions = [html.index(f'<th scope="row">{name}<br>') for name in names]
    assert positions == sorted(positions)
    assert html.count('<th scope="row">') == 37


def test_the_247_numbers_are_printed_large_as_dialled(client_for):
    html = printout(client_for("nacka.kontakt"))
    assert (
        '<div class="number big"><a class="tel" href="tel:+46846500402">08-465 004 02</a>' in html
    )


def test_a_print_without_classified_rows_carries_no_classified_warning(client_for):
    html = printout(client_for("nacka.kontakt"))
    assert "begränsad spridning" not in html
    assert "marking-open" in html
    assert 'class="badge' not in html


def test_nacka_does_not_get_the_polices_restricted_number(client_for, police_rlc, shows_number):
    assert not shows_number(printout(client_for("nacka.kontakt")), police_rlc)


def test_sos_alarm_gets_it_with_a_warning_on_top_and_the_row_marked(
    client_for, police_rlc, shows_number
):
    html = printout(client_for("sosalarm.kontakt"))
    assert shows_number(html, police_rlc)
    warning = html.index("Den innehåller kontaktuppgifter med begränsad spridning")
    assert warning < html.index('<table class="sheet">')
    assert "INNEHÅLLER UPPGIFTER MED BEGRÄNSAD SPRIDNING" in html
    assert '<div class="number classified">RLC' in html
    assert '<span class="badge restricted">Begränsad</span>' in html


def test_tib_gets_the_confidential_number_marked_and_the_read_is_logged(
    client_for, user, forces_protected, shows_number
):
    html = printout(client_for("tib"))
    assert shows_number(html, forces_protected)
    assert "INNEHÅLLER UPPGIFTER SOM OMFATTAS AV SEKRETESS (OSL)" in html
    assert "Den innehåller kontaktuppgifter som omfattas av sekretess (OSL)" in html
    assert '<span class="badge confidential">Sekretess · OSL 15 kap. 2 §</span>' in html
    read = ConfidentialRead.objects.get(user=user("tib"))
    assert (read.via, read.target_id) == ("print", str(forces_protected.public_id))


def test_neither_rkk_nor_nacka_gets_the_confidential_number(
    client_for, forces_protected, shows_number
):
    for username in ("rkk", "nacka.kontakt"):
        html = printout(client_for(username))
        assert not shows_number(html, forces_protected), username
        assert "SEKRETESS" not in html, username
    assert not ConfidentialRead.objects.exists()


def test_the_print_is_english_when_the_language_is_switched(client_for):
    client = client_for("nacka.kontakt")
    client.cookies["django_language"] = "en"
    html = printout(client)
    assert "<h1>Call-out list</h1>" in html
    assert "This print contains information classified up to your level of access" in html


def test_anonymous_users_are_sent_to_sign_in(client):
    response = client.get(PRINT)
    assert response.status_code == 302
    assert response["Location"] == "/konto/logga-in/?next=/aktorer/utskrift/"
