"""The call-out list as CSV at /aktorer/export.csv: opens right in Swedish Excel (UTF-8 with
BOM, semicolons), one row per contact point the user may see, confidential rows logged."""

import csv
import io
from datetime import UTC, datetime

import time_machine

from samlad.actors import services
from samlad.core.models import ConfidentialRead

EXPORT = "/aktorer/export.csv"
HEADER = [
    "Aktör",
    "Typ",
    "Funktion",
    "Kanal",
    "Nummer eller adress (E.164)",
    "Nummer inom Sverige",
    "Benämning",
    "Bemannas av (i kallelseordning)",
    "Klassificering",
    "Sekretessbestämmelse (OSL)",
]


def download(client) -> str:
    response = client.get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return response.content.decode("utf-8")


def parse(text: str) -> list[dict]:
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0] == HEADER
    return [dict(zip(HEADER, row, strict=True)) for row in rows[1:]]


def test_the_csv_starts_with_the_byte_order_mark_and_parses_with_semicolons(client_for):
    text = download(client_for("nacka.kontakt"))
    assert text.startswith("\ufeff")
    rows = parse(text)
    assert len({row["Aktör"] for row in rows}) == 37


def test_one_row_per_contact_point_with_swedish_letters_intact(client_for, police_247):
    rows = parse(download(client_for("nacka.kontakt")))
    police = [row for row in rows if row["Aktör"] == "Polismyndigheten Region Stockholm"]
    phone = police[0]
    assert phone["Typ"] == "Statlig myndighet"
    assert phone["Funktion"] == "Kontaktfunktion (24/7)"
    assert phone["Kanal"] == "Telefon"
    assert phone["Nummer eller adress (E.164)"] == police_247.value == "+46846500402"
    assert phone["Nummer inom Sverige"] == "08-465 004 02"
    assert phone["Benämning"] == "Tjänsteman i beredskap, dygnet runt"
    staff = phone["Bemannas av (i kallelseordning)"]
    assert staff.startswith(
        "1. Kontaktfunktion Polismyndigheten Region Stockholm (Kontaktfunktion) +46"
    )
    assert phone["Klassificering"] == "Öppen"
    assert police[1]["Kanal"] == "E-post"
    assert any(row["Aktör"] == "Österåkers kommun" for row in rows)


def test_the_file_is_named_with_the_date_in_stockholm(client_for):
    with time_machine.travel(datetime(2025, 3, 1, 23, 30, tzinfo=UTC), tick=False):
        response = client_for("nacka.kontakt").get(EXPORT)
    assert response["Content-Disposition"] == (
        'attachment; filename="aktiveringslista-2025-03-02.csv"'
    )


def test_nacka_does_not_get_the_polices_restricted_number(client_for, police_rlc, shows_number):
    text = download(client_for("nacka.kontakt"))
    assert not shows_number(text, police_rlc)
    assert "Begränsad" not in text


def test_sos_alarm_gets_it_marked_restricted(client_for, police_rlc):
    rows = parse(download(client_for("sosalarm.kontakt")))
    (rlc,) = [row for row in rows if row["Nummer eller adress (E.164)"] == police_rlc.value]
    assert rlc["Klassificering"] == "Begränsad"
    assert rlc["Aktör"] == "Polismyndigheten Region Stockholm"


def test_tib_gets_the_confidential_number_and_the_read_is_logged(
    client_for, user, forces_protected
):
    rows = parse(download(client_for("tib")))
    number = forces_protected.value
    (secret,) = [row for row in rows if row["Nummer eller adress (E.164)"] == number]
    assert secret["Klassificering"] == "Sekretess"
    assert secret["Sekretessbestämmelse (OSL)"] == "OSL 15 kap. 2 §"
    read = ConfidentialRead.objects.get(user=user("tib"))
    assert (read.via, read.target_id) == ("export", str(forces_protected.public_id))


def test_neither_rkk_nor_nacka_gets_the_confidential_number(
    client_for, forces_protected, shows_number
):
    for username in ("rkk", "nacka.kontakt"):
        assert not shows_number(download(client_for(username)), forces_protected), username
    assert not ConfidentialRead.objects.exists()


def test_a_label_that_looks_like_a_formula_is_not_run_by_excel(client_for, user, actor):
    services.add_contact_point(
        by=user("nacka.admin"),
        actor=actor("nacka"),
        channel="phone",
        value="070-174 06 99",  # set aside by PTS for fiction
        label='=HYPERLINK("http://example.com","Klicka")',
        position=5,
    )
    rows = parse(download(client_for("nacka.kontakt")))
    (row,) = [row for row in rows if row["Nummer eller adress (E.164)"] == "+46701740699"]
    assert row["Benämning"] == '\'=HYPERLINK("http://example.com","Klicka")'


def test_the_csv_is_in_english_when_the_language_is_switched(client_for):
    client = client_for("nacka.kontakt")
    client.cookies["django_language"] = "en"
    response = client.get(EXPORT)
    first_line = response.content.decode("utf-8").removeprefix("\ufeff").splitlines()[0]
    assert first_line.startswith("Actor;Kind;Function;Channel;Number or address (E.164)")
    assert "call-out-list-" in response["Content-Disposition"]


def test_the_csv_is_not_cached(client_for):
    response = client_for("nacka.kontakt").get(EXPORT)
    assert "no-store" in response["Cache-Control"]


def test_anonymous_users_are_sent_to_sign_in(client):
    response = client.get(EXPORT)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/")
