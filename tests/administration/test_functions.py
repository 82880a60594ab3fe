"""An actor's functions and who staffs them in call-out order: the first is called first, the
next is the deputy. The permission administrator changes the order a step at a time, adds and
takes off people; every change is in the audit log."""

import pytest

from samlad.accounts.services import create_user
from samlad.actors.models import Function
from samlad.core.models import LogEntry


@pytest.fixture
def contact_function(actor, user):
    """Nacka's 24/7 contact function, staffed by nacka.kontakt, then two deputies."""
    nacka = actor("nacka")
    for username in ("nacka.erik", "nacka.sara"):
        create_user(
            by=user("nacka.admin"),
            actor=nacka,
            username=username,
            first_name=username.split(".")[1].title(),
            last_name="Nackabo",
            email=f"{username}@nacka.example",
            functions=["contact"],
        )
    return Function.objects.get(actor=nacka, kind="contact")


def _order(function) -> list[str]:
    return [a.user.username for a in function.assignments.order_by("position")]


def _positions(function) -> list[int]:
    return [a.position for a in function.assignments.order_by("position")]


def _page(function) -> str:
    return f"/administration/{function.actor.public_id}/funktioner/{function.public_id}/"


def test_the_function_page_shows_who_is_called_first_and_who_are_deputies(
    client_for, contact_function
):
    page = client_for("nacka.admin").get(_page(contact_function)).content.decode()
    assert "Kallelseordning" in page
    assert page.count("Kallas först") == 1
    assert page.count("Ersättare") == 2
    assert page.index("Kontaktfunktion Nacka kommun") < page.index("Erik Nackabo")
    assert page.index("Erik Nackabo") < page.index("Sara Nackabo")


def test_moving_a_deputy_up_puts_it_first_and_is_logged(client_for, contact_function, user):
    client = client_for("nacka.admin")
    erik = user("nacka.erik")
    response = client.post(
        _page(contact_function) + "ordning/", {"user": str(erik.public_id), "direction": "up"}
    )
    assert response.status_code == 302
    assert _order(contact_function) == ["nacka.erik", "nacka.kontakt", "nacka.sara"]
    assert _positions(contact_function) == [1, 2, 3]
    entry = LogEntry.objects.get(action="function.call_out_order")
    assert entry.user == user("nacka.admin")
    assert entry.before == {"order": ["nacka.kontakt", "nacka.erik", "nacka.sara"]}
    assert entry.after == {"order": ["nacka.erik", "nacka.kontakt", "nacka.sara"]}
    page = client.get(response["Location"]).content.decode()
    assert "Kallelseordningen är sparad." in page


def test_moving_the_last_down_changes_nothing(client_for, contact_function, user):
    sara = user("nacka.sara")
    client_for("nacka.admin").post(
        _page(contact_function) + "ordning/", {"user": str(sara.public_id), "direction": "down"}
    )
    assert _order(contact_function) == ["nacka.kontakt", "nacka.erik", "nacka.sara"]
    assert not LogEntry.objects.filter(action="function.call_out_order").exists()


def test_taking_someone_off_moves_those_after_up(client_for, contact_function, user):
    erik = user("nacka.erik")
    client_for("nacka.admin").post(
        _page(contact_function) + "lamna/", {"user": str(erik.public_id)}
    )
    assert _order(contact_function) == ["nacka.kontakt", "nacka.sara"]
    assert _positions(contact_function) == [1, 2]
    entry = LogEntry.objects.get(action="user.updated", target_id=str(erik.public_id))
    assert entry.after == {"functions": []}


def test_adding_someone_puts_it_last(client_for, contact_function, user):
    admin = user("nacka.admin")
    response = client_for("nacka.admin").post(
        _page(contact_function) + "bemanna/", {"user": str(admin.public_id)}
    )
    assert response.status_code == 302
    assert _order(contact_function)[-1] == "nacka.admin"
    assert _positions(contact_function) == [1, 2, 3, 4]


def test_someone_of_another_actor_cannot_be_added_nor_moved(client_for, contact_function, user):
    stranger = user("polisen.kontakt")
    client = client_for("nacka.admin")
    response = client.post(_page(contact_function) + "bemanna/", {"user": str(stranger.public_id)})
    assert response.status_code == 302
    assert "polisen.kontakt" not in _order(contact_function)
    assert "Välj en person att lägga till." in client.get(response["Location"]).content.decode()
    moved = client.post(
        _page(contact_function) + "ordning/", {"user": str(stranger.public_id), "direction": "up"}
    )
    assert moved.status_code == 404


def test_the_actor_page_lists_every_function_with_its_staff_in_order(client_for, contact_function):
    page = (
        client_for("nacka.admin")
        .get(f"/administration/{contact_function.actor.public_id}/")
        .content.decode()
    )
    assert "Funktioner och kallelseordning" in page
    for label in ("Kontaktfunktion (24/7)", "Behörighetsadministratör", "Kommunikatör"):
        assert label in page
    assert page.index("Erik Nackabo") < page.index("Sara Nackabo")
    assert "Ingen tilldelad" in page  # e.g. the communicator: nobody will be called
