"""Issue 3 in real browsers, served over ASGI (the event page streams Server-Sent Events): Nacka's
contact function files an actor report and the TiB's already-open event page shows it without a
reload; the TiB publishes version 1 of the consolidated picture and the Police's already-open
page shows it. "Within 2 seconds" is each expectation's timeout, counted from when the action
has completed; nothing sleeps."""

import pytest
from playwright.sync_api import expect

from samlad.accounts.models import User
from samlad.events import services
from samlad.events.models import EventType

LIVE_MS = 2_000
REPORT = "Snöröjning pågår på alla huvudleder i Nacka."
SUMMARY = "Kraftigt snöfall i hela länet; trafiken påverkas i två dygn."


@pytest.fixture
def snowstorm(demo_data):
    return services.create_event(
        by=User.objects.get(username="tib"),
        title="Snöoväder Stockholms län",
        event_type=EventType.objects.get(slug="svart-vader"),
        mode="activated",
    )


def test_a_report_and_a_published_picture_reach_open_pages_without_a_reload(open_page, snowstorm):
    event_path = f"/handelser/{snowstorm.public_id}/"
    tib = open_page("tib", event_path)
    police = open_page("polisen.kontakt", event_path)
    for page in (tib, police):
        expect(page.locator("#rapporter")).to_contain_text("Ingen aktörsrapport än")
        expect(page.locator("#lagesbild")).to_contain_text("Ingen samlad lägesbild")
        page.evaluate("window.samladNotReloaded = true")  # a reload would forget this

    nacka = open_page("nacka.kontakt", event_path)
    nacka.get_by_text("Lämna aktörsrapport").click()
    nacka.get_by_label("Nuläge (fakta)").fill(REPORT)
    nacka.get_by_role("button", name="Lämna rapporten").click()
    expect(nacka.locator("#rapporter")).to_contain_text(REPORT)

    expect(tib.locator("#rapporter")).to_contain_text(REPORT, timeout=LIVE_MS)
    expect(tib.locator("#rapporter")).to_contain_text("Nacka kommun")

    # The TiB compiles in a second tab, so the event page stays open beside it.
    editor = tib.context.new_page()
    editor.goto(tib.url.replace(event_path, f"{event_path}lagesbild/"))
    editor.get_by_label("Sammanfattning").fill(SUMMARY)
    editor.get_by_role("button", name="Publicera").click()
    expect(editor.get_by_text("Version 1 är publicerad.")).to_be_visible()

    for page in (police, tib):
        expect(page.locator("#lagesbild")).to_contain_text("Version 1", timeout=LIVE_MS)
        expect(page.locator("#lagesbild")).to_contain_text(SUMMARY)
    for page in (tib, police):
        assert page.url.endswith(event_path)
        assert page.evaluate("window.samladNotReloaded") is True
