"""Delegated administration in a real browser, without any script of ours: Nacka's permission
administrator signs in, creates a user with a mobile number, and sees the user listed."""

from smtp import smtp_server  # noqa: F401 - the real SMTP server fixture, shared from tests/


def test_a_permission_administrator_creates_a_user_and_sees_it_listed(
    page,
    asgi_server,
    sign_in,
    smtp_server,  # noqa: F811 - the fixture imported above
):
    sign_in(page, asgi_server.url, "nacka.admin")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role(
        "link", name="Administration"
    ).click()
    page.get_by_role("heading", name="Nacka kommun").wait_for()

    page.get_by_role("link", name="Ny användare").click()
    page.get_by_label("Användarnamn").fill("nacka.lisa.holm")
    page.get_by_label("Förnamn").fill("Lisa")
    page.get_by_label("Efternamn").fill("Holm")
    page.get_by_label("E-post").fill("lisa.holm@nacka.example")
    page.get_by_label("Mobiltelefon").fill("0701234567")
    page.get_by_label("Kontaktfunktion (24/7)").check()
    page.get_by_role("button", name="Skapa kontot").click()

    page.get_by_text("Kontot nacka.lisa.holm är skapat.").wait_for()
    row = page.get_by_role("row").filter(has_text="nacka.lisa.holm")
    assert row.get_by_role("link", name="Lisa Holm").is_visible()
    assert row.get_by_text("070-123 45 67").is_visible()
    assert row.get_by_text("Kontaktfunktion (24/7)").is_visible()
    assert row.get_by_text("Inbjuden, inget lösenord än").is_visible()
    assert smtp_server.wait_for(1)[0]["To"] == "lisa.holm@nacka.example"
