"""An actor's permission administrator creates, changes, deactivates and reactivates its own
users: a new user is invited by e-mail (through a real SMTP server) and chooses a password from
the link; bad input gets a clear error and keeps what was typed; every change is in the audit
log; deactivation signs the person out everywhere and ends their API tokens."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client, override_settings
from knox.models import AuthToken

from samlad.accounts.models import User
from samlad.core.models import LogEntry
from smtp import free_port

NEW_PASSWORD = "Nytt-beredskapsord-77"
LINK = re.compile(r"(https?://\S+/konto/losenord/aterstall/[^/\s]+/[^/\s]+/)")


def _new_user(**changes) -> dict:
    data = {
        "username": "nacka.anna.berg",
        "first_name": "Anna",
        "last_name": "Berg",
        "email": "anna.berg@nacka.example",
        "phone": "070-123 45 67",
        "title": "Säkerhetssamordnare",
        "functions": ["contact"],
    }
    return data | changes


def _edit(account: User, **changes) -> dict:
    data = {
        "first_name": account.first_name,
        "last_name": account.last_name,
        "email": account.email,
        "phone": account.phone.as_e164 if account.phone else "",
        "title": account.title,
        "functions": sorted(account.function_kinds),
    }
    if account.can_read_confidential:
        data["can_read_confidential"] = "on"
    return data | changes


def _user_page(account: User) -> str:
    return f"/administration/{account.actor.public_id}/anvandare/{account.public_id}/"


def _log(action: str, account: User) -> LogEntry:
    return LogEntry.objects.get(action=action, target_id=str(account.public_id))


def test_a_permission_administrator_creates_a_user_who_is_invited_and_chooses_a_password(
    client_for, nacka_page, smtp_server, user
):
    admin = client_for("nacka.admin")
    response = admin.post(nacka_page("anvandare/ny/"), _new_user())
    assert response.status_code == 302
    assert response["Location"] == nacka_page()

    page = admin.get(response["Location"]).content.decode()
    assert "Kontot nacka.anna.berg är skapat." in page
    assert "En inbjudan att välja lösenord har skickats till anna.berg@nacka.example." in page
    assert "Anna Berg" in page
    assert "070-123 45 67" in page
    assert "Inbjuden, inget lösenord än" in page

    account = User.objects.get(username="nacka.anna.berg")
    assert account.actor.slug == "nacka"
    assert account.phone.as_e164 == "+46701234567"
    assert account.function_kinds == {"contact"}
    assert not account.has_usable_password()

    (message,) = smtp_server.wait_for(1)
    assert smtp_server.recipients == [["anna.berg@nacka.example"]]
    assert message["Subject"] == "Ditt konto i Samlad: välj ett lösenord"
    body = message.get_content()
    assert "Hej Anna Berg!" in body
    assert "Ditt användarnamn: nacka.anna.berg" in body
    assert "Nacka kommun" in body
    link = LINK.search(body).group(1)
    assert link.startswith(settings.SITE_URL)

    newcomer = Client()
    form_url = newcomer.get(urlsplit(link).path)["Location"]
    chosen = newcomer.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert chosen["Location"] == "/konto/losenord/aterstall/klart/"
    signed_in = newcomer.post(
        "/konto/logga-in/", {"username": "Nacka.Anna.Berg", "password": NEW_PASSWORD}
    )
    assert signed_in["Location"] == "/"
    assert newcomer.get("/konto/").context["user"] == account

    created = _log("user.created", account)
    assert created.user == user("nacka.admin")
    assert created.after["phone"] == "+46701234567"
    assert created.after["functions"] == ["contact"]
    assert _log("user.invited", account).after == {"email": "anna.berg@nacka.example"}


def test_the_invitation_link_works_only_once(client_for, nacka_page, smtp_server):
    client_for("nacka.admin").post(nacka_page("anvandare/ny/"), _new_user())
    link = LINK.search(smtp_server.wait_for(1)[0].get_content()).group(1)
    first = Client()
    form_url = first.get(urlsplit(link).path)["Location"]
    first.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    again = Client().get(urlsplit(link).path, follow=True).content.decode()
    assert "Länken fungerar inte" in again


def test_the_invitation_can_be_sent_again_while_no_password_is_chosen(
    client_for, nacka_page, smtp_server
):
    admin = client_for("nacka.admin")
    admin.post(nacka_page("anvandare/ny/"), _new_user())
    account = User.objects.get(username="nacka.anna.berg")
    page = admin.get(_user_page(account)).content.decode()
    assert "Skicka inbjudan igen" in page
    response = admin.post(_user_page(account) + "inbjudan/", follow=True)
    assert "En inbjudan att välja lösenord har skickats" in response.content.decode()
    assert len(smtp_server.wait_for(2)) == 2
    assert LogEntry.objects.filter(action="user.invited").count() == 2


def test_when_the_mail_server_is_down_the_account_is_kept_and_the_administrator_is_told(
    client_for, nacka_page
):
    nobody_listens = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": free_port(),
        "EMAIL_TIMEOUT": 2,
    }
    with override_settings(**nobody_listens):
        response = client_for("nacka.admin").post(
            nacka_page("anvandare/ny/"), _new_user(), follow=True
        )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Inbjudan kunde inte skickas" in page
    assert "nacka.anna.berg" in page
    assert not LogEntry.objects.filter(action="user.invited").exists()


def _errors_on(response) -> dict:
    assert response.status_code == 200
    return response.context["form"].errors


def test_a_user_name_taken_in_any_spelling_gets_a_clear_error_and_keeps_what_was_typed(
    client_for, nacka_page
):
    response = client_for("nacka.admin").post(
        nacka_page("anvandare/ny/"), _new_user(username="NACKA.Kontakt")
    )
    assert _errors_on(response)["username"] == ["Användarnamnet ”nacka.kontakt” är redan upptaget."]
    page = response.content.decode()
    assert "Inget sparades" in page
    assert 'value="anna.berg@nacka.example"' in page
    assert 'value="070-123 45 67"' in page
    assert 'value="Säkerhetssamordnare"' in page
    assert not User.objects.filter(email="anna.berg@nacka.example").exists()


def test_an_invalid_phone_number_gets_a_clear_error(client_for, nacka_page):
    response = client_for("nacka.admin").post(
        nacka_page("anvandare/ny/"), _new_user(phone="070-12")
    )
    assert _errors_on(response)["phone"] == ["”070-12” är inte ett giltigt telefonnummer."]
    assert 'value="070-12"' in response.content.decode()
    assert not User.objects.filter(username="nacka.anna.berg").exists()


def test_an_invalid_email_address_gets_a_clear_error(client_for, nacka_page):
    response = client_for("nacka.admin").post(
        nacka_page("anvandare/ny/"), _new_user(email="anna.berg@")
    )
    assert _errors_on(response)["email"] == ["Ange en giltig mejladress."]
    assert not User.objects.filter(username="nacka.anna.berg").exists()


def test_empty_required_fields_get_a_clear_error(client_for, nacka_page):
    response = client_for("nacka.admin").post(
        nacka_page("anvandare/ny/"),
        _new_user(username="  ", first_name="", last_name="", email=""),
    )
    errors = _errors_on(response)
    for field in ("username", "first_name", "last_name", "email"):
        assert errors[field] == ["Det här fältet är obligatoriskt."], field


def test_an_invalid_user_name_gets_a_clear_error(client_for, nacka_page):
    response = client_for("nacka.admin").post(
        nacka_page("anvandare/ny/"), _new_user(username="anna berg!")
    )
    assert "Fyll i ett giltigt användarnamn." in _errors_on(response)["username"][0]
    assert not User.objects.filter(email="anna.berg@nacka.example").exists()


def test_the_administrator_changes_a_users_details_and_the_log_keeps_before_and_after(
    client_for, user
):
    account = user("nacka.kontakt")
    old_phone = account.phone.as_e164
    response = client_for("nacka.admin").post(
        _user_page(account),
        _edit(account, phone="+46 8 123 456 78", title="Tjänsteman i beredskap"),
    )
    assert response.status_code == 302
    account.refresh_from_db()
    assert account.phone.as_e164 == "+46812345678"
    entry = _log("user.updated", account)
    assert entry.user == user("nacka.admin")
    assert entry.before == {"phone": old_phone, "title": "Kontaktfunktion"}
    assert entry.after == {"phone": "+46812345678", "title": "Tjänsteman i beredskap"}


def test_an_invalid_phone_number_in_a_change_is_refused_and_nothing_changes(client_for, user):
    account = user("nacka.kontakt")
    before = account.phone
    response = client_for("nacka.admin").post(_user_page(account), _edit(account, phone="12"))
    assert _errors_on(response)["phone"] == ["”12” är inte ett giltigt telefonnummer."]
    account.refresh_from_db()
    assert account.phone == before
    assert not LogEntry.objects.filter(action="user.updated").exists()


def test_the_administrator_assigns_functions_and_the_confidential_permission(client_for, user):
    account = user("nacka.kontakt")
    client_for("nacka.admin").post(
        _user_page(account),
        _edit(account, functions=["contact", "communicator"], can_read_confidential="on"),
    )
    account = user("nacka.kontakt")
    assert account.function_kinds == {"contact", "communicator"}
    assert account.can_read_confidential
    entry = _log("user.updated", account)
    assert entry.after == {"can_read_confidential": True, "functions": ["communicator", "contact"]}


def test_functions_of_another_actor_cannot_be_granted(client_for, user):
    account = user("nacka.kontakt")
    response = client_for("nacka.admin").post(
        _user_page(account), _edit(account, functions=["contact", "tib"])
    )
    assert "functions" in _errors_on(response)
    assert user("nacka.kontakt").function_kinds == {"contact"}


def test_an_administrator_cannot_give_itself_the_confidential_permission(client_for, user):
    me = user("nacka.admin")
    client = client_for("nacka.admin")
    page = client.get(_user_page(me)).content.decode()
    assert "Du kan inte ändra din egen behörighet." in page
    client.post(_user_page(me), _edit(me, can_read_confidential="on"))
    assert not user("nacka.admin").can_read_confidential


def test_an_administrator_cannot_withdraw_its_own_permission_administrator_function(
    client_for, user
):
    me = user("nacka.admin")
    response = client_for("nacka.admin").post(_user_page(me), _edit(me, functions=["contact"]))
    assert _errors_on(response)["functions"] == [
        "Du kan inte dra in din egen funktion som behörighetsadministratör: "
        "be en annan administratör."
    ]
    assert user("nacka.admin").is_permission_admin


def test_an_administrator_may_appoint_another_permission_administrator(client_for, user):
    account = user("nacka.kontakt")
    client_for("nacka.admin").post(
        _user_page(account), _edit(account, functions=["contact", "permission_admin"])
    )
    assert user("nacka.kontakt").is_permission_admin


def test_deactivation_is_confirmed_first_and_then_signs_the_person_out_everywhere(client_for, user):
    account = user("nacka.kontakt")
    phone, laptop = client_for("nacka.kontakt"), client_for("nacka.kontakt")
    assert phone.get("/aktorer/").status_code == 200
    AuthToken.objects.create(user=account)
    admin = client_for("nacka.admin")

    confirm = admin.get(_user_page(account) + "inaktivera/").content.decode()
    assert "Inaktivera kontot för" in confirm
    assert "Personen loggas ut direkt, på alla enheter" in confirm
    assert user("nacka.kontakt").is_active  # asking changes nothing

    response = admin.post(_user_page(account) + "inaktivera/", follow=True)
    assert "är inaktiverad och utloggad" in response.content.decode()
    assert not user("nacka.kontakt").is_active
    assert AuthToken.objects.filter(user=account).count() == 0
    for device in (phone, laptop):
        assert device.get("/aktorer/")["Location"].startswith("/konto/logga-in/")

    admin.post(_user_page(account) + "aktivera/")
    assert user("nacka.kontakt").is_active
    for device in (phone, laptop):  # the old sessions stay ended
        assert device.get("/aktorer/")["Location"].startswith("/konto/logga-in/")

    assert _log("user.deactivated", account).after == {"is_active": False}
    assert _log("user.activated", account).after == {"is_active": True}


def test_an_administrator_cannot_deactivate_itself(client_for, user):
    me = user("nacka.admin")
    client = client_for("nacka.admin")
    assert "Inaktivera kontot" not in client.get(_user_page(me)).content.decode()
    response = client.post(_user_page(me) + "inaktivera/", follow=True)
    assert "Du kan inte inaktivera ditt eget konto." in response.content.decode()
    assert user("nacka.admin").is_active


def test_a_deactivated_user_gets_no_invitation(client_for, user, smtp_server):
    account = user("nacka.kontakt")
    admin = client_for("nacka.admin")
    admin.post(_user_page(account) + "inaktivera/")
    response = admin.post(_user_page(account) + "inbjudan/", follow=True)
    assert "Ett inaktiverat konto får ingen inbjudan." in response.content.decode()
    assert smtp_server.messages == []


def test_a_permission_administrator_neither_sees_nor_touches_a_platform_administrator(
    client_for, user
):
    kansli = user("kansli")
    client = client_for("lansstyrelsen.admin")
    page = client.get(f"/administration/{kansli.actor.public_id}/").content.decode()
    # Not even listed among the actor's people (issue 11, finding 8: a permission administrator
    # learnt which accounts of its actor are platform administrators).
    assert f"<td>{kansli.username}</td>" not in page
    assert kansli.email not in page
    assert _user_page(kansli) not in page
    assert client.get(_user_page(kansli)).status_code == 404
    assert client.post(_user_page(kansli) + "inaktivera/").status_code == 404
    assert user("kansli").is_active


def test_a_permission_administrator_cannot_make_anyone_a_platform_administrator(client_for, user):
    me = user("nacka.admin")
    client = client_for("nacka.admin")
    assert "plattformsadministratör" not in client.get(_user_page(me)).content.decode().lower()
    assert client.post(_user_page(me) + "plattformsadministrator/").status_code == 403
    assert not user("nacka.admin").is_platform_admin


def test_a_platform_administrator_grants_and_withdraws_platform_rights(client_for, user):
    account = user("nacka.admin")
    client = client_for("kansli")
    confirm = client.get(_user_page(account) + "plattformsadministrator/").content.decode()
    assert "till plattformsadministratör?" in confirm
    client.post(_user_page(account) + "plattformsadministrator/")
    assert user("nacka.admin").is_platform_admin
    client.post(_user_page(account) + "plattformsadministrator/")
    assert not user("nacka.admin").is_platform_admin
    entries = LogEntry.objects.filter(action="user.platform_admin").order_by("at", "id")
    assert [entry.after for entry in entries] == [
        {"is_platform_admin": True},
        {"is_platform_admin": False},
    ]
    assert {entry.user for entry in entries} == {user("kansli")}


def test_a_platform_administrator_cannot_withdraw_its_own_rights(client_for, user):
    me = user("kansli")
    response = client_for("kansli").post(_user_page(me) + "plattformsadministrator/", follow=True)
    assert "Du kan inte dra in din egen" in response.content.decode()
    assert user("kansli").is_platform_admin


def test_a_platform_administrator_administers_the_users_of_any_actor(
    client_for, actor, smtp_server
):
    police = actor("polisen")
    response = client_for("kansli").post(
        f"/administration/{police.public_id}/anvandare/ny/",
        _new_user(username="polisen.per.ek", email="per.ek@polisen.example", phone=""),
    )
    assert response.status_code == 302
    account = User.objects.get(username="polisen.per.ek")
    assert account.actor == police
    assert smtp_server.wait_for(1)[0]["To"] == "per.ek@polisen.example"


def test_the_pages_are_in_english_for_those_who_choose_it(client_for, nacka_page):
    client = client_for("nacka.admin")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(nacka_page()).content.decode()
    assert "Functions and call-out order" in page
    assert "New user" in page
