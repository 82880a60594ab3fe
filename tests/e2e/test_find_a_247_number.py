"""Issue 2's browser test: a contact function signs in through the login page, opens the actor
directory and finds the Police's 24/7 number, the way a duty officer would at 03:00."""

from django.test import override_settings


@override_settings(DEMO_MODE=True)
def test_sign_in_open_the_directory_and_find_the_polices_247_number(page, live_server, demo_data):
    page.goto(f"{live_server.url}/")
    # Not signed in: the start page sends you to the login page, in Swedish.
    page.get_by_label("Användarnamn").fill("nacka.kontakt")
    page.get_by_label("Lösenord").fill("samlad-demo")
    page.get_by_role("button", name="Logga in").click()

    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Aktörer").click()
    page.get_by_label("Sök på namn eller kortnamn").fill("Polis")
    page.get_by_role("button", name="Sök").click()
    page.get_by_role("link", name="Polismyndigheten Region Stockholm").click()

    around_the_clock = page.get_by_role("region", name="Kontaktfunktion (24/7)")
    number = around_the_clock.get_by_role("link", name="08-465 004 02")
    assert number.get_attribute("href") == "tel:+46846500402"
    # The restricted RLC line is not for a municipality's contact function.
    assert page.get_by_text("RLC").count() == 0
