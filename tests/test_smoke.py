def test_start_page_greets_a_signed_in_contact_function(client_for):
    response = client_for("nacka.kontakt").get("/")
    assert response.status_code == 200
    assert "Nacka kommun" in response.content.decode()
