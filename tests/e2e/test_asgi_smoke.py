def test_a_signed_in_user_is_served_over_asgi(page, asgi_server, sign_in):
    sign_in(page, asgi_server.url, "nacka.kontakt")
    assert "Nacka kommun" in page.content()
