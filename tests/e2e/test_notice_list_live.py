"""Issue 5 in real browsers, served over ASGI (the list of notices streams Server-Sent Events):
Nacka's and the Police's contact functions have the list of notices open; the TiB publishes
through the page's form, and both open lists show the notice at the top without a reload. A
notice restricted to Nacka reaches Nacka's open list and never the Police's. A correction and a
withdrawal show on the open lists too, and a filtered list stays filtered as it updates.
"Within 2 seconds" is each expectation's timeout, counted from when the action has completed."""

import re

from playwright.sync_api import expect

LIVE_MS = 2_000
LIST = "/underrattelser/"
ROWS = "#underrattelser article"


def open_list(open_page, username: str):
    page = open_page(username, LIST)
    expect(page.get_by_role("heading", name="Underrättelser", exact=True)).to_be_visible()
    page.evaluate("window.samladNotReloaded = true")  # a reload would forget this
    return page


def publish(page, base_url: str, headline: str, text: str, *, category: str, only_for=None):
    """Publish through the form (as the page's own user); returns the notice's id."""
    page.goto(f"{base_url}/underrattelser/ny/")
    page.get_by_label("Rubrik:", exact=True).fill(headline)
    page.get_by_label("Text:", exact=True).fill(text)
    page.get_by_label("Kategori:", exact=True).select_option(label=category)
    if only_for:
        page.get_by_label("Begränsad: bara de namngivna aktörerna").check()
        page.get_by_label("Begränsad till (utöver din egen aktör):").select_option(label=only_for)
    page.get_by_role("button", name="Publicera").click()
    expect(page.get_by_text("Underrättelsen är publicerad.")).to_be_visible()
    return re.search(r"/underrattelser/([0-9a-f-]{36})/$", page.url).group(1)


def not_reloaded(*pages) -> None:
    for page in pages:
        assert page.url.endswith(LIST) or "?" in page.url
        assert page.evaluate("window.samladNotReloaded") is True


def test_published_corrected_and_withdrawn_notices_reach_open_lists_without_a_reload(
    open_page, asgi_server
):
    nacka = open_list(open_page, "nacka.kontakt")
    police = open_list(open_page, "polisen.kontakt")
    tib = open_page("tib", LIST)

    first = publish(
        tib,
        asgi_server.url,
        "Snöoväder i natt",
        "SMHI varnar för 20–30 cm snö i hela länet från kl. 22.",
        category="Vädervarning",
    )
    for page in (nacka, police):
        expect(page.locator(ROWS).first).to_contain_text("Snöoväder i natt", timeout=LIVE_MS)
        expect(page.locator(ROWS).first).to_contain_text("Länsstyrelsen")

    second = publish(
        tib,
        asgi_server.url,
        "E4 avstängd vid Södertälje",
        "Olycka.",
        category="Trafik och transporter",
    )
    for page in (nacka, police):
        expect(page.locator(ROWS).first).to_contain_text(
            "E4 avstängd vid Södertälje", timeout=LIVE_MS
        )
        expect(page.locator(ROWS).nth(1)).to_contain_text("Snöoväder i natt")  # newest first

    # Restricted to Nacka: Nacka's open list shows it; the Police's never does.
    secret = publish(
        tib,
        asgi_server.url,
        "Begränsad: reservvatten till Nacka",
        "Tankbilar ställs upp vid Nacka forum.",
        category="Störning i samhällsviktig verksamhet",
        only_for="Nacka kommun",
    )
    expect(nacka.locator(ROWS).first).to_contain_text(
        "Begränsad: reservvatten till Nacka", timeout=LIVE_MS
    )
    expect(nacka.locator(f"#n-{secret}")).to_contain_text("Begränsad")
    # A later open notice reaches the Police's list: the stream has gone past the restricted one.
    publish(tib, asgi_server.url, "Halka i morgon bitti", "Frost.", category="Vädervarning")
    expect(police.locator(ROWS).first).to_contain_text("Halka i morgon bitti", timeout=LIVE_MS)
    police.wait_for_timeout(LIVE_MS)  # and give the restricted one every chance to show up
    assert "reservvatten" not in police.locator("body").inner_text()
    assert police.locator(f"#n-{secret}").count() == 0
    expect(nacka.locator(ROWS).first).to_contain_text("Halka i morgon bitti", timeout=LIVE_MS)

    # The TiB corrects the first notice.
    tib.goto(f"{asgi_server.url}/underrattelser/{first}/")
    tib.get_by_role("link", name="Rätta", exact=True).click()
    tib.get_by_label("Rubrik:", exact=True).fill("Snöoväder i natt: upp till 40 cm")
    tib.get_by_label("Vad som ändrats:", exact=True).fill("SMHI höjer mängden till 40 cm.")
    tib.get_by_role("button", name="Skicka rättelsen").click()
    expect(tib.get_by_text("Rättelsen skickas till samma mottagare.")).to_be_visible()
    for page in (nacka, police):
        row = page.locator(f"#n-{first}")
        expect(row).to_contain_text("Snöoväder i natt: upp till 40 cm", timeout=LIVE_MS)
        expect(row).to_contain_text("Rättad")

    # The TiB withdraws the traffic notice.
    tib.goto(f"{asgi_server.url}/underrattelser/{second}/")
    tib.get_by_role("link", name="Återkalla", exact=True).click()
    tib.get_by_label("Varför den återkallas:", exact=True).fill("Vägen är öppen igen.")
    tib.get_by_role("button", name="Återkalla").click()
    expect(
        tib.get_by_text("Underrättelsen är återkallad; mottagarna får veta det.")
    ).to_be_visible()
    for page in (nacka, police):
        expect(page.locator(f"#n-{second}")).to_contain_text("Återkallad", timeout=LIVE_MS)

    not_reloaded(nacka, police)
    assert "reservvatten" not in police.locator("body").inner_text()


def test_a_filtered_open_list_stays_filtered_as_it_updates(open_page, asgi_server):
    police = open_page("polisen.kontakt", LIST)
    police.get_by_label("Kategori:", exact=True).select_option(label="Trafik och transporter")
    police.get_by_role("button", name="Filtrera").click()
    expect(police).to_have_url(re.compile(r"kategori=trafik"))
    expect(police.locator("#underrattelser")).to_contain_text("Inga underrättelser.")
    police.evaluate("window.samladNotReloaded = true")

    nacka = open_page("nacka.kontakt", LIST)
    nacka.get_by_label("Aktör:", exact=True).select_option(
        label="Polismyndigheten Region Stockholm"
    )
    nacka.get_by_role("button", name="Filtrera").click()
    expect(nacka).to_have_url(re.compile(r"aktor=polisen"))
    nacka.evaluate("window.samladNotReloaded = true")

    tib = open_page("tib", LIST)
    publish(tib, asgi_server.url, "Storm i kväll", "Byvind 30 m/s.", category="Vädervarning")
    publish(
        tib,
        asgi_server.url,
        "Färjan till Vaxholm inställd",
        "Storm.",
        category="Trafik och transporter",
    )
    expect(police.locator(ROWS).first).to_contain_text(
        "Färjan till Vaxholm inställd", timeout=LIVE_MS
    )
    expect(police.locator(ROWS)).to_have_count(1)  # the weather warning is filtered out
    expect(police.get_by_label("Kategori:", exact=True)).to_have_value("trafik")

    # The Police publish in a second tab; Nacka's list, filtered to the Police, shows only that.
    editor = police.context.new_page()
    publish(
        editor,
        asgi_server.url,
        "Avspärrning vid Slussen",
        "Polisinsats.",
        category="Säkerhet och ordning",
    )
    expect(nacka.locator(ROWS).first).to_contain_text("Avspärrning vid Slussen", timeout=LIVE_MS)
    expect(nacka.locator(ROWS)).to_have_count(1)
    expect(police.locator(ROWS)).to_have_count(1)  # not a traffic notice

    for page in (police, nacka):
        assert page.evaluate("window.samladNotReloaded") is True
    assert "Storm i kväll" not in police.locator("body").inner_text()
    assert "Storm i kväll" not in nacka.locator("body").inner_text()
