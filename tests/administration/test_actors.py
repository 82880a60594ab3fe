"""The actor registry, kept by platform administrators: add an actor (with the standard
functions), change its registry details, deactivate it after confirmation and bring it back;
clear errors for bad input; every change is in the audit log."""

from django.test import Client

from samlad.actors.models import Actor
from samlad.core.models import LogEntry


def _actor(**changes) -> dict:
    data = {
        "name": "Stockholm Exergi AB",
        "slug": "exergi",
        "kind": "company",
        "membership": "associated",
        "municipality_code": "",
        "description": "Fjärrvärme i Stockholm.",
    }
    return data | changes


def test_a_platform_administrator_adds_an_actor_with_the_standard_functions(client_for, user):
    client = client_for("kansli")
    response = client.post("/administration/ny-aktor/", _actor())
    created = Actor.objects.get(slug="exergi")
    assert response["Location"] == f"/administration/{created.public_id}/"
    assert created.membership == "associated"
    assert set(created.functions.values_list("kind", flat=True)) == {
        "contact",
        "directing_rep",
        "coordinating_rep",
        "communicator",
        "permission_admin",
    }
    page = client.get(response["Location"]).content.decode()
    assert "Stockholm Exergi AB är tillagd i nätverket." in page
    entry = LogEntry.objects.get(action="actor.created", target_id=str(created.public_id))
    assert entry.user == user("kansli")


def test_a_taken_name_or_short_name_gets_a_clear_error(client_for):
    response = client_for("kansli").post(
        "/administration/ny-aktor/", _actor(name="nacka kommun", slug="NACKA")
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["name"] == ["En annan aktör har redan det här namnet."]
    assert errors["slug"] == ["En annan aktör har redan det här kortnamnet."]
    assert 'value="nacka kommun"' in response.content.decode()


def test_empty_and_malformed_registry_details_get_clear_errors(client_for):
    response = client_for("kansli").post(
        "/administration/ny-aktor/",
        _actor(name="", slug="inte ett kortnamn", kind="", municipality_code="12"),
    )
    errors = response.context["form"].errors
    assert errors["name"] == ["Det här fältet är obligatoriskt."]
    assert errors["kind"] == ["Det här fältet är obligatoriskt."]
    assert "slug" in errors
    assert errors["municipality_code"] == ["En kommunkod har fyra siffror."]
    assert not Actor.objects.filter(slug="exergi").exists()


def test_a_platform_administrator_changes_registry_details(client_for, actor):
    nacka = actor("nacka")
    client = client_for("kansli")
    form = client.get(f"/administration/{nacka.public_id}/uppgifter/").context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, False)}
    response = client.post(
        f"/administration/{nacka.public_id}/uppgifter/", data | {"designated": "on"}
    )
    assert response.status_code == 302
    assert actor("nacka").designated
    entry = LogEntry.objects.get(action="actor.updated", target_id=str(nacka.public_id))
    assert entry.before == {"designated": False}
    assert entry.after == {"designated": True}


def test_deactivating_an_actor_is_confirmed_first_and_its_users_are_out(client_for, actor, user):
    nacka = actor("nacka")
    member = client_for("nacka.kontakt")
    client = client_for("kansli")
    confirm = client.get(f"/administration/{nacka.public_id}/inaktivera/").content.decode()
    assert "Inaktivera Nacka kommun?" in confirm
    assert actor("nacka").is_active

    client.post(f"/administration/{nacka.public_id}/inaktivera/")
    assert not actor("nacka").is_active
    assert member.get("/aktorer/")["Location"].startswith("/konto/logga-in/")
    page = client.get(f"/administration/{nacka.public_id}/").content.decode()
    assert "Aktivera aktören igen" in page

    client.post(f"/administration/{nacka.public_id}/aktivera/")
    assert actor("nacka").is_active
    entries = LogEntry.objects.filter(target_id=str(nacka.public_id), user=user("kansli"))
    assert [entry.action for entry in entries] == ["actor.activated", "actor.deactivated"]


def test_the_permission_administrator_sees_no_registry_controls(client_for, actor):
    page = client_for("nacka.admin").get(f"/administration/{actor('nacka').public_id}/")
    text = page.content.decode()
    assert "Ändra registeruppgifter" not in text
    assert "Inaktivera aktören" not in text


def test_a_deactivated_actors_administrator_administers_nothing(client_for, actor, user):
    nacka = actor("nacka")
    admin = client_for("nacka.admin")
    client_for("kansli").post(f"/administration/{nacka.public_id}/inaktivera/")
    assert admin.get(f"/administration/{nacka.public_id}/")["Location"].startswith(
        "/konto/logga-in/"
    )
    assert Client().get("/administration/").status_code == 302
