"""The Django admin is no back door around delegated administration: a permission
administrator cannot read or change another actor's accounts there."""

from samlad.accounts.models import User


def test_nackas_permission_administrator_cannot_list_accounts_in_the_admin(client_for):
    response = client_for("nacka.admin").get("/admin/accounts/user/")
    assert response.status_code != 200 or "polisen.kontakt" not in response.content.decode()


def test_nackas_permission_administrator_cannot_open_a_police_account_in_the_admin(
    client_for, user
):
    police = user("polisen.kontakt")
    client = client_for("nacka.admin")
    page = client.get(f"/admin/accounts/user/{police.pk}/change/")
    assert page.status_code != 200 or "polisen.kontakt" not in page.content.decode()
    client.post(f"/admin/accounts/user/{police.pk}/change/", {"title": "Hackad"})
    assert User.objects.get(pk=police.pk).title == "Kontaktfunktion"


def test_nackas_permission_administrator_cannot_see_api_tokens_in_the_admin(client_for, token_for):
    token_for("polisen.kontakt")
    response = client_for("nacka.admin").get("/admin/knox/authtoken/")
    assert response.status_code != 200 or "polisen.kontakt" not in response.content.decode()
