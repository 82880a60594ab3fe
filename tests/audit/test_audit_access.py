"""Who may read the audit logs: only holders of the security officer's / registrar's right, a
platform right of its own that platform administrators grant but do not hold by default. Everyone
else gets 403 on the pages and a 403 problem document from the API."""

import pytest
from django.test import Client
from django.urls import reverse

from samlad.core.models import LogEntry

# Every kind of user the audit pages must answer: contact function, permission administrator,
# platform administrator without the right, and the security officer who holds it.
WITHOUT_THE_RIGHT = ["nacka.kontakt", "nacka.admin", "kansli"]
WITH_THE_RIGHT = "sakerhet"
PAGES = ["audit:changes", "audit:reads", "audit:changes_csv", "audit:reads_csv"]
API = ["/api/v1/audit/changes/", "/api/v1/audit/reads/"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("username", WITHOUT_THE_RIGHT)
def test_the_audit_pages_are_refused_to_everyone_without_the_right(signed_in, username, page):
    assert signed_in(username).get(reverse(page)).status_code == 403


@pytest.mark.parametrize("page", PAGES)
def test_the_security_officer_reads_the_audit_pages(signed_in, page):
    assert signed_in(WITH_THE_RIGHT).get(reverse(page)).status_code == 200


@pytest.mark.parametrize("url", API)
@pytest.mark.parametrize("username", WITHOUT_THE_RIGHT)
def test_the_audit_api_is_a_403_problem_for_everyone_without_the_right(
    api_as, problem, username, url
):
    body = problem(api_as(username).get(url), 403)
    assert "säkerhetsskyddschefer" in body["detail"]


@pytest.mark.parametrize("url", API)
def test_the_security_officer_reads_the_audit_api(api_as, url):
    response = api_as(WITH_THE_RIGHT).get(url)
    assert response.status_code == 200, response.content


@pytest.mark.parametrize("url", API)
def test_the_audit_api_asks_strangers_to_sign_in(problem, url, db):
    problem(Client().get(url), 401)


def test_the_audit_pages_ask_strangers_to_sign_in(db):
    response = Client().get(reverse("audit:changes"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_platform_administrators_do_not_hold_the_right_by_default(user):
    kansli = user("kansli")
    assert kansli.is_platform_admin
    assert not kansli.is_security_officer


def test_only_the_security_officer_sees_audit_in_the_navigation(signed_in):
    audit = reverse("audit:changes")
    assert f'href="{audit}"' in signed_in(WITH_THE_RIGHT).get("/").content.decode()
    for username in WITHOUT_THE_RIGHT:
        assert f'href="{audit}"' not in signed_in(username).get("/").content.decode()


def test_the_security_officer_must_pass_the_second_step_first(user):
    client = Client()
    client.force_login(user(WITH_THE_RIGHT), backend="samlad.accounts.backends.SamladBackend")
    response = client.get(reverse("audit:changes"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor"))


def test_a_security_officers_token_does_not_work_without_an_authenticator_app(user, problem):
    from knox.models import AuthToken
    from rest_framework.test import APIClient

    client = APIClient()
    token = AuthToken.objects.create(user=user(WITH_THE_RIGHT))[1]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    problem(client.get(API[0]), 401)


def _grant_url(account):
    return reverse(
        "administration:user_security_officer",
        kwargs={"actor_id": account.actor.public_id, "user_id": account.public_id},
    )


def test_a_platform_administrator_grants_the_right_and_the_log_says_so(signed_in, user):
    rsib = user("rsib")
    signed_in("kansli").post(_grant_url(rsib))
    rsib.refresh_from_db()
    assert rsib.is_security_officer
    entry = LogEntry.objects.get(action="user.security_officer", target_id=str(rsib.public_id))
    assert entry.user == user("kansli")
    assert entry.after == {"is_security_officer": True}
    assert signed_in("rsib").get(reverse("audit:changes")).status_code == 200


def test_a_platform_administrator_withdraws_the_right(signed_in, user):
    signed_in("kansli").post(_grant_url(user(WITH_THE_RIGHT)))
    assert not user(WITH_THE_RIGHT).is_security_officer
    assert signed_in(WITH_THE_RIGHT).get(reverse("audit:changes")).status_code == 403


def test_a_platform_administrator_cannot_grant_the_right_to_themselves(signed_in, user):
    signed_in("kansli").post(_grant_url(user("kansli")))
    assert not user("kansli").is_security_officer


def test_a_permission_administrator_cannot_grant_the_right(signed_in, user):
    response = signed_in("nacka.admin").post(_grant_url(user("nacka.kontakt")))
    assert response.status_code == 403
    assert not user("nacka.kontakt").is_security_officer


def test_the_security_officer_cannot_grant_the_right_either(signed_in, user):
    response = signed_in(WITH_THE_RIGHT).post(_grant_url(user("rsib")))
    assert response.status_code == 404
    assert not user("rsib").is_security_officer


def test_a_platform_administrator_is_asked_before_granting_the_right(signed_in, user):
    rsib = user("rsib")
    kansli = signed_in("kansli")
    page = kansli.get(
        reverse(
            "administration:user",
            kwargs={"actor_id": rsib.actor.public_id, "user_id": rsib.public_id},
        )
    ).content.decode()
    assert _grant_url(rsib) in page
    assert "Gör till säkerhetsskyddschef / registrator" in page
    question = kansli.get(_grant_url(rsib)).content.decode()
    assert "Ska Regional samverkanskoordinator" in question
    assert not user("rsib").is_security_officer


def test_a_permission_administrator_is_not_offered_the_right(signed_in, user):
    contact = user("nacka.kontakt")
    page = signed_in("nacka.admin").get(
        reverse(
            "administration:user",
            kwargs={"actor_id": contact.actor.public_id, "user_id": contact.public_id},
        )
    )
    assert _grant_url(contact) not in page.content.decode()
