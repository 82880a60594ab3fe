"""The boundary of delegated administration: an actor's permission administrator reaches its own
actor only; another actor's users, functions and contact points are not found (404, never a 403
that tells they exist), whichever address is guessed; platform administrators reach every actor;
everybody else reaches nothing."""

import pytest
from django.test import Client

from samlad.accounts.models import User
from samlad.actors.models import ContactPoint, FunctionAssignment
from samlad.core.models import LogEntry


def _request(client: Client, page):
    return getattr(client, page.method)(page.path)


def _fingerprint():
    """What an administration request could change, to prove nothing did."""
    return (
        LogEntry.objects.count(),
        list(User.objects.order_by("pk").values_list("is_active", "is_superuser")),
        list(FunctionAssignment.objects.order_by("pk").values_list("user_id", "position")),
        ContactPoint.objects.count(),
    )


def test_the_permission_administrator_of_nacka_reaches_every_page_of_nacka(client_for, pages_for):
    client = client_for("nacka.admin")
    for page in pages_for("nacka"):
        if page.method != "get":
            continue
        expected = 403 if page.platform_only else 200
        assert _request(client, page).status_code == expected, page.name


@pytest.mark.parametrize("username", ["polisen.admin", "nacka.kontakt", "polisen.kontakt", "tib"])
def test_nobody_but_nackas_administrators_finds_any_page_of_nacka(client_for, pages_for, username):
    client = client_for(username)
    before = _fingerprint()
    for page in pages_for("nacka"):
        response = _request(client, page)
        assert response.status_code == 404, (page.name, page.method)
    assert _fingerprint() == before


def test_the_permission_administrator_of_the_police_cannot_change_nacka_by_posting(
    client_for, pages_for
):
    client = client_for("polisen.admin")
    before = _fingerprint()
    for page in pages_for("nacka"):
        response = client.post(page.path, {"first_name": "X", "user": "x", "direction": "up"})
        assert response.status_code == 404, page.name
    assert _fingerprint() == before


def test_ids_of_another_actor_under_nackas_address_are_not_found(client_for, pages_for, actor):
    """Nacka's own address with the Police's user, function or contact point in it."""
    nacka, police = pages_for("nacka"), {page.name: page for page in pages_for("polisen")}
    nacka_base = f"/administration/{actor('nacka').public_id}/"
    police_base = f"/administration/{actor('polisen').public_id}/"
    client = client_for("nacka.admin")
    for page in nacka:
        mixed = police[page.name].path.replace(police_base, nacka_base)
        if mixed == page.path:  # the address names no user, function or contact point
            continue
        response = getattr(client, page.method)(mixed)
        assert response.status_code == 404, page.name


def test_malformed_and_unknown_ids_are_not_found(client_for, nacka_page):
    client = client_for("kansli")
    assert client.get("/administration/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert client.get("/administration/nacka/").status_code == 404
    unknown = "11111111-2222-3333-4444-555555555555"
    for rest in (f"anvandare/{unknown}/", f"funktioner/{unknown}/", f"kontaktvagar/{unknown}/"):
        assert client.get(nacka_page(rest)).status_code == 404, rest


def test_a_platform_administrator_reaches_every_page_of_every_actor(client_for, pages_for):
    client = client_for("kansli")
    for slug in ("nacka", "polisen"):
        for page in pages_for(slug):
            if page.method == "get":
                assert _request(client, page).status_code == 200, (slug, page.name)


def test_the_start_page_shows_a_permission_administrator_its_own_actor(client_for, actor):
    response = client_for("nacka.admin").get("/administration/")
    assert response.status_code == 200
    assert response.context["actor"] == actor("nacka")
    assert "Lägg till aktör" not in response.content.decode()


def test_the_start_page_lists_every_actor_for_a_platform_administrator(client_for):
    page = client_for("kansli").get("/administration/").content.decode()
    assert "Nacka kommun" in page
    assert "Polismyndigheten Region Stockholm" in page
    assert "Lägg till aktör" in page


def test_people_who_administer_nothing_are_refused_the_start_page(client_for):
    for username in ("nacka.kontakt", "tib"):
        assert client_for(username).get("/administration/").status_code == 403, username


def test_only_platform_administrators_may_add_actors(client_for):
    for username in ("nacka.admin", "nacka.kontakt"):
        client = client_for(username)
        assert client.get("/administration/ny-aktor/").status_code == 403
        assert client.post("/administration/ny-aktor/", {"name": "X"}).status_code == 403


def test_the_signed_out_are_sent_to_sign_in(client, pages_for):
    for page in pages_for("nacka"):
        response = _request(client, page)
        assert response.status_code == 302, page.name
        assert response["Location"].startswith("/konto/logga-in/?next="), page.name
    assert client.get("/administration/")["Location"].startswith("/konto/logga-in/")


def test_administration_is_in_the_navigation_only_for_administrators(client_for):
    for username, shown in [("nacka.admin", True), ("kansli", True), ("nacka.kontakt", False)]:
        page = client_for(username).get("/aktorer/").content.decode()
        assert ('href="/administration/"' in page) is shown, username
