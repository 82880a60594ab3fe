"""The API docs at /api/docs/ in a real browser: Swagger UI renders the operation list from
files served by Samlad alone (no request leaves the site), under the site's strict
Content-Security-Policy without a single violation."""

from urllib.parse import urlsplit

import pytest

WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def offline_page(page, live_server):
    """The page, with every request to anywhere but the test server refused and recorded."""
    own = urlsplit(live_server.url).netloc
    elsewhere = []

    def route(route):
        if urlsplit(route.request.url).netloc in (own, ""):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.add_init_script(WATCH_CSP)
    page.elsewhere = elsewhere
    return page


def test_the_api_docs_show_the_operations_offline_and_within_the_csp(offline_page, live_server):
    page = offline_page
    console_errors = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/api/docs/")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock-summary-path", has_text="/api/v1/auth/token/").count() == 1
    assert page.locator(".opblock-summary-path", has_text="/api/v1/actors/").count() >= 1
    assert page.get_by_text("Get a token").is_visible()
    assert page.evaluate("window.__cspViolations") == []
    assert [m for m in console_errors if "Content Security Policy" in m] == []
    assert page.elsewhere == []


def test_an_operation_opens_with_its_description(offline_page, live_server):
    page = offline_page
    page.goto(f"{live_server.url}/api/docs/")
    page.locator(".opblock-summary-path", has_text="/api/v1/auth/token/").click()
    page.get_by_text("otp_required").first.wait_for()
    assert page.evaluate("window.__cspViolations") == []
