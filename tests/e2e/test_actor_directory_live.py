"""The actor directory in a real browser: typing in the search box filters the list at once
(htmx, under the site's Content-Security-Policy), and the address follows the search."""


def test_typing_in_the_search_box_filters_the_actors_live(page, asgi_server, sign_in):
    sign_in(page, asgi_server.url, "nacka.kontakt")
    page.goto(f"{asgi_server.url}/aktorer/")
    assert page.locator("#results").get_by_text("37 aktörer").is_visible()
    page.get_by_label("Sök på namn eller kortnamn").press_sequentially("nac", delay=30)
    page.locator("#results").get_by_text("1 aktör", exact=True).wait_for()
    assert page.get_by_role("link", name="Nacka kommun").is_visible()
    assert page.get_by_role("link", name="Polismyndigheten Region Stockholm").count() == 0
    assert page.url.endswith("/aktorer/?q=nac&typ=")


def test_choosing_a_kind_filters_the_actors_live(page, asgi_server, sign_in):
    sign_in(page, asgi_server.url, "nacka.kontakt")
    page.goto(f"{asgi_server.url}/aktorer/")
    page.get_by_label("Typ").select_option("municipality")
    page.locator("#results").get_by_text("26 aktörer").wait_for()
    assert page.get_by_role("heading", name="Kommuner").is_visible()
