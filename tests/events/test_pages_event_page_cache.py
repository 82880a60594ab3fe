"""The event page keeps the HTML of its reports and log book entries in the cache; a page seen
before still shows every change: new names, new corrections, the reader's language."""

from django.urls import reverse

from samlad.accounts.services import update_user
from samlad.actors.services import update_actor
from samlad.events import services


def page_of(event) -> str:
    return reverse("events:detail", args=[event.public_id])


def test_a_renamed_actor_or_author_shows_under_the_new_name_on_a_page_seen_before(
    client_for, snowstorm, user, actor
):
    services.file_report(by=user("nacka.kontakt"), event=snowstorm, situation="Snö i Boo.")
    services.add_log_entry(by=user("nacka.kontakt"), event=snowstorm, kind="action", text="Plogar")
    client = client_for("tib")
    assert "Nacka kommun" in client.get(page_of(snowstorm)).content.decode()

    update_actor(by=user("kansli"), actor=actor("nacka"), name="Nacka stad")
    update_user(by=user("kansli"), user=user("nacka.kontakt"), first_name="Ny", last_name="Namn")
    page = client.get(page_of(snowstorm)).content.decode()
    assert "Nacka kommun" not in page
    assert page.count("Nacka stad") >= 2 and "Ny Namn" in page


def test_an_entry_corrected_after_the_page_was_seen_shows_as_corrected(client_for, snowstorm, user):
    first = services.add_log_entry(by=user("tib"), event=snowstorm, kind="decision", text="Kl 14")
    client = client_for("nacka.kontakt")
    assert "rättad" not in client.get(page_of(snowstorm)).content.decode()

    services.add_log_entry(
        by=user("tib"), event=snowstorm, kind="decision", text="Kl 16", corrects=first
    )
    for url in (page_of(snowstorm), page_of(snowstorm) + "?partial=log"):
        page = client.get(url).content.decode()
        assert "rättad" in page and 'href="' + page_of(snowstorm) + '?fore=3#logg-2"' in page


def test_a_page_seen_in_swedish_is_in_english_for_a_reader_who_chose_english(
    client_for, snowstorm, user
):
    services.file_report(by=user("nacka.kontakt"), event=snowstorm, situation="Snö i Boo.")
    services.add_log_entry(by=user("tib"), event=snowstorm, kind="decision", text="Beslut X")
    assert "Rätta" in client_for("tib").get(page_of(snowstorm)).content.decode()

    client = client_for("nacka.kontakt")
    client.cookies["django_language"] = "en"
    page = client.get(page_of(snowstorm)).content.decode()
    assert "Current situation (facts)" in page and "Decision" in page and ">Correct<" in page
    assert "Nuläge" not in page and ">Rätta<" not in page
