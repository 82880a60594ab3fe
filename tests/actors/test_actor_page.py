"""One actor's page at /aktorer/<uuid>/: its details, functions and who staffs them, and every
contact point the reader may see, classified ones marked; confidential reads are logged."""

import uuid

from samlad.actors import services
from samlad.core.models import ConfidentialRead


def actor_page(client, actor) -> str:
    response = client.get(f"/aktorer/{actor.public_id}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_shows_the_actors_registry_details(client_for, actor):
    html = actor_page(client_for("nacka.kontakt"), actor("nacka"))
    assert "<h1>Nacka kommun" in html
    assert "<dd>Kommun</dd>" in html
    assert "<dd>Ordinarie medlem</dd>" in html
    assert "<dd>0182</dd>" in html
    assert "Utpekad aktör</dt><dd>Nej</dd>" in html


def test_the_county_board_is_shown_as_designated(client_for, actor):
    html = actor_page(client_for("nacka.kontakt"), actor("lansstyrelsen"))
    assert "Utpekad aktör</dt><dd>Ja</dd>" in html


def test_the_page_shows_the_functions_and_who_staffs_them_in_call_out_order(
    client_for, actor, user
):
    html = actor_page(client_for("nacka.kontakt"), actor("lansstyrelsen"))
    assert "Tjänsteman i beredskap (TiB)" in html
    assert "Kontaktfunktion (24/7)" in html
    tib, contact = user("tib"), user("lansstyrelsen.kontakt")
    assert f'<li value="1"><span class="name">{tib}</span>' in html
    assert f'<li value="2"><span class="name">{contact}</span>' in html
    assert html.index(f'value="1"><span class="name">{tib}') < html.index(
        f'value="2"><span class="name">{contact}'
    )
    assert '<span class="title">Tjänsteman i beredskap</span>' in html
    assert f'href="tel:{tib.phone.as_e164}"' in html


def test_contact_function_of_nacka_sees_the_polices_open_247_number(client_for, actor, police_247):
    html = actor_page(client_for("nacka.kontakt"), actor("polisen"))
    assert '<a class="tel" href="tel:+46846500402">08-465 004 02</a>' in html


def test_contact_function_of_nacka_does_not_see_the_polices_restricted_rlc_number(
    client_for, actor, police_rlc, shows_number
):
    html = actor_page(client_for("nacka.kontakt"), actor("polisen"))
    assert not shows_number(html, police_rlc)
    assert "RLC" not in html


def test_sos_alarm_sees_the_polices_restricted_number_marked_restricted(
    client_for, actor, police_rlc, shows_number
):
    html = actor_page(client_for("sosalarm.kontakt"), actor("polisen"))
    assert shows_number(html, police_rlc)
    assert '<span class="badge restricted">Begränsad</span>' in html


def test_tib_sees_the_armed_forces_confidential_number_with_its_osl_reference(
    client_for, actor, forces_protected, shows_number
):
    html = actor_page(client_for("tib"), actor("forsvarsmakten"))
    assert shows_number(html, forces_protected)
    assert '<span class="badge confidential">Sekretess · OSL 15 kap. 2 §</span>' in html


def test_rkk_without_the_confidential_permission_does_not_see_it(
    client_for, actor, forces_protected, shows_number
):
    html = actor_page(client_for("rkk"), actor("forsvarsmakten"))
    assert not shows_number(html, forces_protected)
    assert "Sekretess" not in html


def test_nacka_does_not_see_the_armed_forces_confidential_number(
    client_for, actor, forces_protected, shows_number
):
    html = actor_page(client_for("nacka.kontakt"), actor("forsvarsmakten"))
    assert not shows_number(html, forces_protected)


def test_a_confidential_read_on_the_page_is_recorded(client_for, actor, user, forces_protected):
    actor_page(client_for("tib"), actor("forsvarsmakten"))
    read = ConfidentialRead.objects.get(user=user("tib"))
    assert read.target_id == str(forces_protected.public_id)
    assert read.target_type == "actors.contactpoint"
    assert read.via == "page"


def test_nothing_is_recorded_when_nothing_confidential_is_shown(client_for, actor):
    actor_page(client_for("rkk"), actor("forsvarsmakten"))
    actor_page(client_for("nacka.kontakt"), actor("forsvarsmakten"))
    assert not ConfidentialRead.objects.exists()


def test_the_actors_permission_administrator_gets_a_link_to_administration(client_for, actor):
    html = actor_page(client_for("nacka.admin"), actor("nacka"))
    assert 'href="/administration/"' in html


def page_content(html: str) -> str:
    """The page's own content, without the main navigation (which administrators always have)."""
    return html.split('<main id="main">', 1)[1]


def test_no_administration_link_on_another_actors_page_or_for_a_contact_function(client_for, actor):
    polisen_for_nacka_admin = actor_page(client_for("nacka.admin"), actor("polisen"))
    assert 'href="/administration/"' not in page_content(polisen_for_nacka_admin)
    nacka_for_contact = actor_page(client_for("nacka.kontakt"), actor("nacka"))
    assert 'href="/administration/"' not in nacka_for_contact


def test_a_platform_administrator_gets_the_link_on_every_actor(client_for, actor):
    html = actor_page(client_for("kansli"), actor("polisen"))
    assert 'href="/administration/"' in page_content(html)


def test_an_unknown_actor_is_404(client_for):
    response = client_for("nacka.kontakt").get(f"/aktorer/{uuid.uuid4()}/")
    assert response.status_code == 404


def test_a_malformed_id_is_404_not_500(client_for):
    client = client_for("nacka.kontakt")
    for bad in ("not-a-uuid", "123", "%00", "00000000-0000-0000-0000-00000000000g"):
        assert client.get(f"/aktorer/{bad}/").status_code == 404, bad


def test_an_inactive_actor_is_404_to_its_former_partners(client_for, user, actor):
    harbours = actor("stockholmshamnar")
    services.set_actor_active(by=user("kansli"), actor=harbours, active=False)
    response = client_for("nacka.kontakt").get(f"/aktorer/{harbours.public_id}/")
    assert response.status_code == 404


def test_anonymous_users_are_sent_to_sign_in(client, actor):
    url = f"/aktorer/{actor('nacka').public_id}/"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/konto/logga-in/?next={url}"


def test_the_page_is_english_when_the_language_is_switched(client_for, actor):
    client = client_for("nacka.kontakt")
    client.cookies["django_language"] = "en"
    html = actor_page(client, actor("polisen"))
    assert "Functions and who staffs them" in html
    assert "Contact function (24/7)" in html
    assert "<dd>State agency</dd>" in html
