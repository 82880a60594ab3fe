"""The search page: events, log book entries and published pictures, with links."""

from django.urls import reverse

from samlad.events import services
from samlad.events.services.pictures import draft_for


def test_search_finds_events_entries_and_pictures_and_links_to_them(client_for, snowstorm, user):
    tib = user("tib")
    entry = services.add_log_entry(
        by=tib, event=snowstorm, kind="information", text="Trafikverket stänger Skurubron"
    )
    draft = services.save_picture_draft(
        by=tib, event=snowstorm, revision=draft_for(snowstorm).revision, summary="Skurubron stängd"
    )
    services.publish_picture(by=tib, event=snowstorm, revision=draft.revision)
    client = client_for("nacka.kontakt")
    page = client.get(reverse("events:search"), {"q": "Skurubron"}).content.decode()
    detail = reverse("events:detail", args=[snowstorm.public_id])
    assert f"{detail}?fore={entry.number + 1}#logg-{entry.number}" in page
    assert reverse("events:picture_version", args=[snowstorm.public_id, 1]) in page
    found = client.get(reverse("events:search"), {"q": "snöoväder"}).content.decode()
    assert detail in found


def test_search_with_nothing_found_or_nothing_asked_says_so_plainly(client_for, snowstorm):
    client = client_for("nacka.kontakt")
    assert (
        "Inget hittades" in client.get(reverse("events:search"), {"q": "zyxwvu"}).content.decode()
    )
    assert client.get(reverse("events:search")).status_code == 200
    assert client.get(reverse("events:search"), {"q": "x" * 500}).status_code == 200
