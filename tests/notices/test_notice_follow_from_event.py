"""The event page has the "follow the event" button of the notices app."""


def test_the_event_page_offers_to_follow_and_following_comes_back_to_it(client_for, snowstorm):
    client = client_for("nacka.kontakt")
    page = f"/handelser/{snowstorm.public_id}/"
    html = client.get(page).content.decode()
    assert "Följ händelsen" in html
    # Also when htmx refreshes only the header: the button leads back to the page, not the part.
    header = client.get(f"{page}?partial=header").content.decode()
    assert f'name="next" value="{page}"' in header
    response = client.post(f"/underrattelser/handelser/{snowstorm.public_id}/folj/", {"next": page})
    assert response.status_code == 302
    assert response["Location"] == page
    assert "Sluta följa händelsen" in client.get(page).content.decode()
