"""Password reset by e-mail, through a real SMTP server: Swedish text, a link that works once,
and an answer that never tells whether an address has an account."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client, override_settings
from signing import PASSWORD, sign_in

from samlad.accounts.services import create_user, set_user_active
from samlad.actors.services import set_actor_active
from samlad.core.models import LogEntry
from smtp import free_port

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
RESET = "/konto/losenord/aterstall/"
NEW_PASSWORD = "Nytt-beredskapsord-77"
LINK = re.compile(r"(https?://\S+/konto/losenord/aterstall/[^/\s]+/[^/\s]+/)")


def _request_reset(client: Client, address: str):
    return client.post(RESET, {"email": address})


def _without_csrf_token(page: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


def _link_in(message) -> str:
    return LINK.search(message.get_content()).group(1)


def _choose_password(client: Client, link: str, password: str = NEW_PASSWORD):
    form_url = client.get(urlsplit(link).path)["Location"]
    return client.post(form_url, {"new_password1": password, "new_password2": password})


def test_a_user_resets_the_password_by_email_and_signs_in_with_the_new_one(
    client, with_password, smtp_server, user
):
    account = with_password("nacka.kontakt")
    response = _request_reset(client, account.email)
    assert response["Location"] == "/konto/losenord/aterstall/skickat/"

    (message,) = smtp_server.wait_for(1)
    assert message["To"] == account.email
    assert smtp_server.recipients == [[account.email]]
    assert message["Subject"] == "Välj ett nytt lösenord för Samlad"
    body = message.get_content()
    assert "nacka.kontakt" in body
    assert "Länken fungerar en gång" in body
    link = _link_in(message)
    assert link.startswith(settings.SITE_URL)

    form_url = client.get(urlsplit(link).path)["Location"]
    assert "Välj ett nytt lösenord" in client.get(form_url).content.decode()
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response["Location"] == "/konto/losenord/aterstall/klart/"
    assert "Ditt nya lösenord är sparat" in client.get(response["Location"]).content.decode()

    assert sign_in(Client(), "nacka.kontakt", NEW_PASSWORD)["Location"] == "/"
    assert sign_in(Client(), "nacka.kontakt", PASSWORD).status_code == 200
    assert LogEntry.objects.filter(
        action="user.password_reset", target_id=str(user("nacka.kontakt").public_id)
    ).exists()


def test_the_reset_answers_the_same_whether_or_not_the_address_has_an_account(
    with_password, smtp_server
):
    account = with_password("nacka.kontakt")
    known, unknown = Client(), Client()
    known_response = _request_reset(known, account.email)
    unknown_response = _request_reset(unknown, "ingen@finns.example")
    assert known_response.status_code == unknown_response.status_code == 302
    assert known_response["Location"] == unknown_response["Location"]
    known_page = _without_csrf_token(known.get(known_response["Location"]).content.decode())
    unknown_page = _without_csrf_token(unknown.get(unknown_response["Location"]).content.decode())
    assert known_page == unknown_page
    assert "Om adressen hör till ett konto" in known_page
    assert smtp_server.recipients == [[account.email]]


def test_the_address_is_matched_without_regard_to_case(client, with_password, smtp_server):
    account = with_password("nacka.kontakt")
    _request_reset(client, account.email.upper())
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == account.email


def test_a_reset_link_works_only_once(client, with_password, smtp_server):
    account = with_password("nacka.kontakt")
    _request_reset(client, account.email)
    link = _link_in(smtp_server.wait_for(1)[0])
    _choose_password(client, link)
    again = Client().get(urlsplit(link).path, follow=True).content.decode()
    assert "Länken fungerar inte" in again
    assert sign_in(Client(), "nacka.kontakt", NEW_PASSWORD)["Location"] == "/"


def test_a_tampered_reset_link_does_not_work(client, with_password, smtp_server):
    account = with_password("nacka.kontakt")
    _request_reset(client, account.email)
    path = urlsplit(_link_in(smtp_server.wait_for(1)[0])).path
    tampered = re.sub(r"/([^/]+)/$", "/ogiltig-token-123/", path)
    page = client.get(tampered, follow=True).content.decode()
    assert "Länken fungerar inte" in page


def test_nobody_can_choose_the_demo_password_in_a_reset(client, with_password, smtp_server):
    account = with_password("nacka.kontakt")
    _request_reset(client, account.email)
    response = _choose_password(client, _link_in(smtp_server.wait_for(1)[0]), "samlad-demo")
    assert response.status_code == 200
    assert "Det här lösenordet är bara till för demon." in response.content.decode()
    assert sign_in(Client(), "nacka.kontakt", PASSWORD)["Location"] == "/"


def test_a_deactivated_user_gets_no_reset_email(client, with_password, smtp_server, user):
    account = with_password("nacka.kontakt")
    set_user_active(by=user("nacka.admin"), user=account, active=False)
    assert _request_reset(client, account.email)["Location"].endswith("/skickat/")
    assert smtp_server.messages == []


def test_users_of_a_deactivated_actor_get_no_reset_email(
    client, with_password, smtp_server, user, actor
):
    account = with_password("nacka.kontakt")
    set_actor_active(by=user("kansli"), actor=actor("nacka"), active=False)
    assert _request_reset(client, account.email)["Location"].endswith("/skickat/")
    assert smtp_server.messages == []


def test_a_new_account_without_a_password_is_entered_through_the_reset_link(
    client, smtp_server, user, actor
):
    create_user(
        by=user("nacka.admin"),
        actor=actor("nacka"),
        username="nacka.ny",
        email="ny.medarbetare@nacka.example",
        functions=["contact"],
    )
    _request_reset(client, "ny.medarbetare@nacka.example")
    _choose_password(client, _link_in(smtp_server.wait_for(1)[0]))
    assert sign_in(Client(), "nacka.ny", NEW_PASSWORD)["Location"] == "/"


def test_when_the_mail_server_is_down_the_answer_is_the_same_and_nothing_breaks(
    client, with_password
):
    account = with_password("nacka.kontakt")
    nobody_listens = {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": free_port(), "EMAIL_TIMEOUT": 2}
    with override_settings(EMAIL_BACKEND=SMTP_BACKEND, **nobody_listens):
        response = _request_reset(client, account.email)
    assert response.status_code == 302
    assert response["Location"] == "/konto/losenord/aterstall/skickat/"


def test_an_invalid_address_gets_a_clear_error(client, db):
    response = _request_reset(client, "inte en adress")
    assert response.status_code == 200
    assert "Ange en giltig mejladress." in response.content.decode()
