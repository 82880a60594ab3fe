"""A meeting in a real browser, served over ASGI for the live stream: RSIB runs the agenda of an
activated coordinating conference, writes the minutes item by item (TiB's open page follows them
live), records two actors' oral reports into the event and an action item owned by Nacka, and
approves the minutes; Nacka's contact function then finds the action item on its own page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from samlad.accounts.models import User
from samlad.activation import services as activation_services
from samlad.activation.models import Forum
from samlad.events import services as event_services
from samlad.events.models import EventType
from samlad.meetings import services
from samlad.meetings.models import ActionItem, MinutesVersion


@pytest.fixture
def conference(asgi_server):
    tib = User.objects.get(username="tib")
    kind, _ = EventType.objects.get_or_create(
        slug="svart-vader", defaults={"name_sv": "Svårt väder", "name_en": "Severe weather"}
    )
    event = event_services.create_event(
        by=tib, title="Snöoväder Stockholms län", event_type=kind, mode="activated"
    )
    activation = activation_services.activate(
        by=tib,
        forum=Forum.objects.get(slug="regionalt-samordnande-forum"),
        event=event,
        reason="SMHI varnar klass 2 för kraftigt snöfall inom 24 timmar.",
    )
    return services.create_meeting(by=User.objects.get(username="rsib"), activation=activation)


def signed_in_page(browser, sign_in, base_url, username):
    context = browser.new_context(locale="sv-SE", timezone_id="Europe/Stockholm")
    other = context.new_page()
    other.set_default_timeout(10_000)
    sign_in(other, base_url, username)
    return other


def item(page, number):
    return page.locator(f"#punkt-{number}")


def write(page, number, text):
    section = item(page, number)
    section.get_by_label(f"Minnesanteckningar, punkt {number}").fill(text)
    section.get_by_role("button", name="Spara").click()
    section.locator(".notes-text").get_by_text(text).wait_for()


def record_report(page, actor, situation):
    form = page.locator("#rapporter-form")
    if not form.evaluate("element => element.open"):
        form.locator("summary").click()
    form.get_by_label("Aktör").select_option(label=actor)
    form.get_by_label("Nuläge (fakta)").fill(situation)
    form.get_by_role("button", name="Registrera rapporten").click()
    page.locator("#rapporter-lista").get_by_text(situation).wait_for()


def test_rsib_runs_an_activated_conference_and_nacka_finds_its_action_item(
    page, browser, asgi_server, sign_in, conference
):
    meeting_url = f"{asgi_server.url}/moten/{conference.public_id}/"
    tib = signed_in_page(browser, sign_in, asgi_server.url, "tib")
    tib.goto(meeting_url)

    sign_in(page, asgi_server.url, "rsib")
    page.goto(meeting_url)
    assert page.get_by_role("heading", name="Upprop").is_visible()
    assert page.get_by_role("heading", name="Beslut om vad respektive aktör gör").is_visible()

    write(page, 1, "Alla kontaktfunktioner anslutna utom Värmdö.")
    # TiB's page follows the minutes live.
    item(tib, 1).get_by_text("Alla kontaktfunktioner anslutna utom Värmdö.").wait_for()

    record_report(page, "Nacka kommun", "Två värmestugor öppna i Fisksätra.")
    record_report(page, "Polismyndigheten Region Stockholm", "Trafikolyckor på E4 vid Skärholmen.")
    write(page, 3, "Snöfall 20–30 cm i natt; störst påverkan på vägtrafiken.")

    actions = page.locator("#atgarder-form")
    actions.get_by_label("Ansvarig aktör").select_option(label="Nacka kommun")
    actions.get_by_label("Vad aktören gör").fill("Öppna en tredje värmestuga i Orminge.")
    due = timezone.localtime(timezone.now() + timedelta(hours=6)).strftime("%Y-%m-%dT%H:%M")
    actions.get_by_label("Klart senast").fill(due)
    actions.get_by_role("button", name="Registrera", exact=True).click()
    page.locator("#atgarder-lista").get_by_text("Öppna en tredje värmestuga i Orminge.").wait_for()
    tib.locator("#atgarder-lista").get_by_text("Öppna en tredje värmestuga i Orminge.").wait_for()

    page.get_by_role("link", name="Läs upp och godkänn minnesanteckningarna").click()
    sheet = page.locator(".minutes-sheet")
    for text in (
        "Två värmestugor öppna i Fisksätra.",
        "Trafikolyckor på E4",
        "Öppna en tredje värmestuga",
    ):
        assert sheet.get_by_text(text).first.is_visible()
    page.get_by_role("button", name="Minnesanteckningarna är upplästa: godkänn dem").click()
    page.get_by_text("Version 1, uppläst och godkänd").wait_for()
    version = MinutesVersion.objects.get(meeting=conference)
    assert version.approved_by.username == "rsib"
    assert [action["actor"] for action in version.content["actions"]] == ["Nacka kommun"]
    assert {report["actor"] for report in version.content["reports"]} == {
        "Nacka kommun",
        "Polismyndigheten Region Stockholm",
    }
    tib.context.close()

    nacka = signed_in_page(browser, sign_in, asgi_server.url, "nacka.kontakt")
    nacka.goto(f"{asgi_server.url}/moten/atgarder/")
    nacka.get_by_role("heading", name="Åtgärdspunkter för Nacka kommun").wait_for()
    assert nacka.get_by_text("Öppna en tredje värmestuga i Orminge.").is_visible()
    assert ActionItem.objects.get(meeting=conference).actor.slug == "nacka"
    nacka.context.close()
