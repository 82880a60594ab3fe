"""An actor's contact points: the permission administrator adds, changes and removes its 24/7
numbers and mailboxes; phone numbers are validated and stored as E.164; restricted and
confidential points are shared with named actors; the access policy holds for administrators
too; every change is in the audit log."""

from samlad.actors.models import ContactPoint
from samlad.core.models import ConfidentialRead, LogEntry


def _point(**changes) -> dict:
    data = {
        "function": "contact",
        "channel": "phone",
        "value": "08-718 80 00",
        "label": "Reservnummer, dygnet runt",
        "position": "3",
        "classification": "open",
        "osl_reference": "",
    }
    return data | changes


def _edit_page(point) -> str:
    return f"/administration/{point.owner_actor.public_id}/kontaktvagar/{point.public_id}/"


def test_a_new_phone_number_is_stored_as_e164_and_listed(client_for, nacka_page, user, actor):
    client = client_for("nacka.admin")
    response = client.post(nacka_page("kontaktvagar/ny/"), _point())
    assert response.status_code == 302
    point = ContactPoint.objects.get(owner_actor=actor("nacka"), label__startswith="Reserv")
    assert point.value == "+4687188000"
    assert point.function.kind == "contact"
    page = client.get(nacka_page()).content.decode()
    assert "Kontaktvägen är sparad." in page
    assert "08-718 80 00" in page
    entry = LogEntry.objects.get(action="contact_point.created", target_id=str(point.public_id))
    assert entry.user == user("nacka.admin")
    assert entry.after["value"] == "+4687188000"


def test_an_invalid_phone_number_gets_a_clear_error_and_keeps_what_was_typed(
    client_for, nacka_page
):
    response = client_for("nacka.admin").post(nacka_page("kontaktvagar/ny/"), _point(value="08-1"))
    assert response.status_code == 200
    assert response.context["form"].errors["value"] == ["”08-1” är inte ett giltigt telefonnummer."]
    page = response.content.decode()
    assert 'value="Reservnummer, dygnet runt"' in page
    assert "Inget sparades" in page
    assert not ContactPoint.objects.filter(label__startswith="Reserv").exists()


def test_an_invalid_email_address_gets_a_clear_error(client_for, nacka_page):
    response = client_for("nacka.admin").post(
        nacka_page("kontaktvagar/ny/"), _point(channel="email", value="tib@nacka")
    )
    assert response.context["form"].errors["value"] == ["Ange en giltig e-postadress."]


def test_an_empty_number_gets_a_clear_error(client_for, nacka_page):
    response = client_for("nacka.admin").post(nacka_page("kontaktvagar/ny/"), _point(value=""))
    assert response.context["form"].errors["value"] == ["Det här fältet är obligatoriskt."]


def test_a_restricted_number_is_shared_with_named_actors_only(client_for, nacka_page, actor, user):
    client_for("nacka.admin").post(
        nacka_page("kontaktvagar/ny/"),
        _point(
            classification="restricted",
            shared_with=[str(actor("varmdo").public_id), str(actor("sosalarm").public_id)],
        ),
    )
    point = ContactPoint.objects.get(label__startswith="Reserv")
    assert point.classification == "restricted"
    assert {a.slug for a in point.shared_with.all()} == {"varmdo", "sosalarm"}
    directory = "/aktorer/?q=nacka"
    assert "08-718 80 00" in client_for("varmdo.kontakt").get(directory).content.decode()
    assert "08-718 80 00" not in client_for("polisen.kontakt").get(directory).content.decode()


def test_a_confidential_number_needs_the_secrecy_provision(client_for, nacka_page, user):
    admin = user("nacka.admin")
    admin.can_read_confidential = True
    admin.save(update_fields=["can_read_confidential"])
    response = client_for("nacka.admin").post(
        nacka_page("kontaktvagar/ny/"), _point(classification="confidential")
    )
    assert response.context["form"].errors["osl_reference"] == [
        "Ange sekretessbestämmelsen (OSL) för uppgifter som omfattas av sekretess."
    ]
    response = client_for("nacka.admin").post(
        nacka_page("kontaktvagar/ny/"),
        _point(classification="confidential", osl_reference="OSL 18 kap. 13 §"),
    )
    assert response.status_code == 302
    assert ContactPoint.objects.get(label__startswith="Reserv").classification == "confidential"


def test_only_those_who_may_read_confidential_information_mark_a_number_confidential(
    client_for, nacka_page
):
    response = client_for("nacka.admin").post(
        nacka_page("kontaktvagar/ny/"),
        _point(classification="confidential", osl_reference="OSL 18 kap. 13 §"),
    )
    assert response.context["form"].errors["classification"] == [
        "Bara den som får läsa sekretessbelagd information kan markera en kontaktväg med sekretess."
    ]


def test_a_confidential_number_is_hidden_from_an_administrator_without_the_permission(
    client_for, actor, user
):
    """The access policy holds for administrators too; the read by one who may is logged."""
    forces = actor("forsvarsmakten")
    protected = ContactPoint.objects.get(owner_actor=forces, label__startswith="Vakthavande")
    admin = user("forsvarsmakten.admin")
    client = client_for("forsvarsmakten.admin")
    assert "Vakthavande" not in client.get(f"/administration/{forces.public_id}/").content.decode()
    assert client.get(_edit_page(protected)).status_code == 404
    assert client.post(_edit_page(protected) + "ta-bort/").status_code == 404

    admin.can_read_confidential = True
    admin.save(update_fields=["can_read_confidential"])
    page = client.get(f"/administration/{forces.public_id}/").content.decode()
    assert "Vakthavande" in page
    assert ConfidentialRead.objects.filter(
        user=admin, target_id=str(protected.public_id), via="administration"
    ).exists()


def test_a_platform_administrator_gets_no_extra_right_to_read_confidential_numbers(
    client_for, actor
):
    forces = actor("forsvarsmakten")
    protected = ContactPoint.objects.get(owner_actor=forces, label__startswith="Vakthavande")
    client = client_for("kansli")
    assert "Vakthavande" not in client.get(f"/administration/{forces.public_id}/").content.decode()
    assert client.get(_edit_page(protected)).status_code == 404


def test_changing_a_number_keeps_the_old_one_in_the_log(client_for, actor):
    point = ContactPoint.objects.get(
        owner_actor=actor("nacka"), function__kind="contact", channel="phone"
    )
    old = point.value
    client = client_for("nacka.admin")
    form = client.get(_edit_page(point)).context["form"]
    data = {name: value for name, value in form.initial.items() if name != "shared_with"}
    response = client.post(_edit_page(point), data | {"value": "+46 8 718 80 01", "function": ""})
    assert response.status_code == 302
    point.refresh_from_db()
    assert point.value == "+4687188001"
    assert point.function is None
    entry = LogEntry.objects.get(action="contact_point.updated", target_id=str(point.public_id))
    assert entry.before == {"value": old, "function": "contact"}
    assert entry.after == {"value": "+4687188001", "function": None}


def test_removing_a_number_is_confirmed_first_and_logged(client_for, actor):
    point = ContactPoint.objects.get(
        owner_actor=actor("nacka"), function__kind="contact", channel="email"
    )
    client = client_for("nacka.admin")
    confirm = client.get(_edit_page(point) + "ta-bort/").content.decode()
    assert "Ta bort den här kontaktvägen?" in confirm
    assert "nacka.247@" in confirm
    assert ContactPoint.objects.filter(pk=point.pk).exists()
    client.post(_edit_page(point) + "ta-bort/")
    assert not ContactPoint.objects.filter(pk=point.pk).exists()
    entry = LogEntry.objects.get(action="contact_point.removed", target_id=str(point.public_id))
    assert entry.before["value"] == point.value
