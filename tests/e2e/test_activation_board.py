"""The call-out board in real browsers: TiB activates the coordinating forum and watches the
board; Nacka's person on duty answers through the link in the call-out, in a browser of their
own and without signing in; the board shows Nacka attending without a reload."""

import re

from playwright.sync_api import expect

from samlad.notify.models import Delivery

LINK = re.compile(r"https?://[^/\s]+(/aktivering/svar/[^\s]+/)")


def answer_link(activation_topic: str, username: str) -> str:
    email = Delivery.objects.get(
        topic=activation_topic, channel="email", recipient_user__username=username
    )
    return LINK.search(email.body).group(1)


def test_tib_sees_an_answer_given_by_link_appear_on_the_board(browser, page, asgi_server, sign_in):
    sign_in(page, asgi_server.url, "tib")
    page.goto(f"{asgi_server.url}/aktivering/")
    page.get_by_role("link", name="Aktivera forum").click()
    page.get_by_label("Forum:", exact=True).select_option(
        label="Regionalt samordnande forum (regionalt samordnande nivå, aktiverat läge)"
    )
    page.get_by_label("Anledning:").fill("Skyfall över Nacka och Värmdö")
    page.get_by_role("button", name="Aktivera och kalla").click()

    expect(
        page.get_by_role("heading", name=re.compile("Regionalt samordnande forum"))
    ).to_be_visible()
    nacka_row = page.locator("#aktor-nacka")
    expect(nacka_row.locator(".state")).to_have_text("Kallad, ännu inte levererat")
    board_url = page.url
    topic = "activation:" + board_url.rstrip("/").rsplit("/", 1)[1]

    recipient = browser.new_context(locale="sv-SE", timezone_id="Europe/Stockholm")
    try:
        phone = recipient.new_page()
        phone.goto(asgi_server.url + answer_link(topic, "nacka.kontakt"))
        expect(phone.get_by_role("heading", name="Regionalt samordnande forum")).to_be_visible()
        phone.get_by_role("button", name="Kommer", exact=True).click()
        expect(phone.get_by_text("Tack. Ditt svar är registrerat: kommer")).to_be_visible()
    finally:
        recipient.close()

    expect(nacka_row.locator(".state")).to_have_text("Kommer", timeout=5_000)
    expect(page.locator(".figures")).to_contain_text("1 kommer")
    assert page.url == board_url
