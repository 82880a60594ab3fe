"""The actor directory at /aktorer/: every active actor with its 24/7 numbers, searchable by
name or short name, filterable by kind, live with htmx and fast however many actors there are."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from samlad.actors import services
from samlad.actors.models import Actor

DIRECTORY = "/aktorer/"


def page(client, query: str = "", **headers) -> str:
    response = client.get(DIRECTORY + query, **headers)
    assert response.status_code == 200
    return response.content.decode()


def test_contact_function_of_nacka_sees_all_37_actors(client_for):
    html = page(client_for("nacka.kontakt"))
    actors = Actor.objects.filter(is_active=True)
    assert actors.count() == 37
    for actor in actors:
        assert f'href="/aktorer/{actor.public_id}/"' in html, actor.name
    assert "37 aktörer" in html


def test_every_row_shows_the_247_number_prominently_as_a_tel_link(client_for, police_247):
    html = page(client_for("nacka.kontakt"))
    assert '<a class="tel" href="tel:+46846500402">08-465 004 02</a>' in html
    assert police_247.value == "+46846500402"
    assert 'href="mailto:polisen.247@demo.samlad.example"' in html


def test_the_directory_is_grouped_by_kind_organisations_first(client_for):
    html = page(client_for("nacka.kontakt"))
    headings = ["Länsstyrelser", "Regioner", "Statliga myndigheter", "Räddningstjänster"]
    headings += ["Företag", "Kommuner"]
    positions = [html.index(f"<h2>{heading}</h2>") for heading in headings]
    assert positions == sorted(positions)


def test_nacka_does_not_see_the_polices_restricted_number_in_the_directory(
    client_for, police_rlc, shows_number
):
    assert not shows_number(page(client_for("nacka.kontakt")), police_rlc)


def test_search_finds_nacka_by_nac(client_for):
    html = page(client_for("nacka.kontakt"), "?q=nac")
    assert "Nacka kommun" in html
    assert "Polismyndigheten" not in html
    assert "1 aktör<" in html


def test_search_finds_an_actor_by_its_short_name(client_for):
    html = page(client_for("nacka.kontakt"), "?q=ssbf")
    assert "Storstockholms brandförsvar" in html
    assert "1 aktör<" in html


def test_search_ignores_case_also_for_swedish_letters(client_for):
    html = page(client_for("nacka.kontakt"), "?q=VÄRMDÖ")
    assert "Värmdö kommun" in html


def test_a_search_that_matches_nothing_says_so(client_for):
    assert "Ingen aktör matchar sökningen." in page(client_for("nacka.kontakt"), "?q=zzzz")


def test_the_directory_can_be_filtered_to_municipalities(client_for):
    html = page(client_for("nacka.kontakt"), "?typ=municipality")
    assert "26 aktörer" in html
    assert "Nacka kommun" in html and "Polismyndigheten" not in html


def test_an_unknown_kind_is_a_form_error_and_the_whole_list_is_shown(client_for):
    html = page(client_for("nacka.kontakt"), "?typ=spaceship")
    assert 'class="errorlist' in html
    assert "37 aktörer" in html


def test_an_overlong_search_is_a_form_error_not_a_crash(client_for):
    html = page(client_for("nacka.kontakt"), "?q=" + "a" * 500)
    assert 'class="errorlist' in html


def test_htmx_gets_only_the_results(client_for):
    html = page(client_for("nacka.kontakt"), "?q=nac", HTTP_HX_REQUEST="true")
    assert html.lstrip().startswith('<div id="results"')
    assert "<html" not in html
    assert "Nacka kommun" in html


def test_the_search_works_without_javascript_as_a_get_form(client_for):
    html = page(client_for("nacka.kontakt"))
    assert '<form method="get" action="/aktorer/"' in html
    assert 'name="q"' in html


def test_an_inactive_actor_is_not_listed(client_for, user, actor):
    services.set_actor_active(by=user("kansli"), actor=actor("stockholmshamnar"), active=False)
    html = page(client_for("nacka.kontakt"))
    assert "Stockholms hamnar" not in html
    assert "36 aktörer" in html


def test_anonymous_users_are_sent_to_sign_in(client):
    response = client.get(DIRECTORY)
    assert response.status_code == 302
    assert response["Location"] == "/konto/logga-in/?next=/aktorer/"


def test_the_directory_is_swedish_by_default_and_english_on_request(client_for):
    client = client_for("nacka.kontakt")
    assert "Aktörer och aktiveringslista" in page(client)
    client.cookies["django_language"] = "en"
    html = page(client)
    assert "Actors and call-out list" in html
    assert "Municipalities" in html and "37 actors" in html


def test_the_directory_needs_few_queries(client_for, django_assert_max_num_queries):
    client = client_for("nacka.kontakt")
    # Session, user and 2FA checks, then four for the directory itself (actors, functions,
    # who staffs them, contact points), then the session save.
    with django_assert_max_num_queries(14):
        page(client)


def test_the_number_of_queries_does_not_grow_with_the_number_of_actors(client_for):
    client = client_for("nacka.kontakt")
    page(client)  # warm up the session
    with CaptureQueriesContext(connection) as one:
        page(client, "?q=nacka")
    with CaptureQueriesContext(connection) as all_37:
        page(client)
    assert len(all_37) == len(one)
