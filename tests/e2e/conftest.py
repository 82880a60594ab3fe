"""Browser tests: Playwright driving Debian's Chromium (/usr/bin/chromium). No browser is ever
downloaded. Without Chromium the tests are skipped with a plain message, except in CI
(SAMLAD_REQUIRE_BROWSER=1), where a missing browser is a failure."""

import os
import shutil

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Playwright's sync API runs an event loop in the test thread; the ORM calls our fixtures make
# there are plain synchronous calls, so Django's async-safety guard is lifted for these tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def chromium_path() -> str | None:
    for candidate in (
        os.environ.get("SAMLAD_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
    ):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def pytest_collection_modifyitems(config, items):
    path = chromium_path()
    for item in items:
        if "e2e" in item.nodeid.split("/"):
            item.add_marker(pytest.mark.browser)
            if path is None and os.environ.get("SAMLAD_REQUIRE_BROWSER") != "1":
                item.add_marker(
                    pytest.mark.skip(
                        reason="browser test skipped: no Chromium found at /usr/bin/chromium "
                        "(apt-get install chromium to run it)"
                    )
                )


def pytest_report_header(config):
    path = chromium_path()
    if path:
        return f"browser tests: Chromium at {path}"
    return "browser tests: SKIPPED, no Chromium at /usr/bin/chromium (apt-get install chromium)"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        pytest.fail("SAMLAD_REQUIRE_BROWSER=1 but no Chromium at /usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="sv-SE", timezone_id="Europe/Stockholm")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def sign_in(settings):
    """sign_in(page, base_url, "nacka.kontakt") signs in through the login page with the demo
    password (demo mode is switched on for the test)."""
    settings.DEMO_MODE = True
    settings.REQUIRE_ADMIN_TWO_FACTOR = False

    def go(page, base_url: str, username: str, password: str = "samlad-demo"):
        page.goto(f"{base_url}/konto/logga-in/")
        page.get_by_label("Användarnamn").fill(username)
        page.get_by_label("Lösenord").fill(password)
        page.get_by_role("button", name="Logga in").click()
        return page

    return go


@pytest.fixture
def asgi_server(demo_data):
    """Samlad served by uvicorn (ASGI, as in production) in a thread, on the test database.
    Needed where the page streams (Server-Sent Events), which the WSGI live server can't."""
    from samlad.config.asgi import application
    from served import served

    with served(application) as port:

        class Live:
            url = f"http://127.0.0.1:{port}"

        yield Live


@pytest.fixture
def open_page(browser, sign_in, asgi_server):
    """open_page("tib", path) -> a page in a browser context of its own (its own cookies),
    signed in as that user and showing `path`."""
    from playwright.sync_api import expect

    contexts = []

    def open_as(username: str, path: str):
        context = browser.new_context(locale="sv-SE", timezone_id="Europe/Stockholm")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        sign_in(page, asgi_server.url, username)
        expect(page.get_by_role("button", name="Logga ut")).to_be_visible()  # signed in
        page.goto(f"{asgi_server.url}{path}")
        return page

    yield open_as
    for context in contexts:
        context.close()
