"""The technical admin at /admin/: platform administrators only, and only after the second step
of signing in where two-factor authentication applies; an actor's permission administrator gets
no admin access at all. What it shows follows the access policy, and it changes nothing that
must go through the services."""

import pytest
from django.test import Client

from samlad.accounts.models import User
from samlad.core.models import LogEntry
from samlad.events.models import EventType

ADMIN_PAGES = [
    "/admin/",
    "/admin/accounts/user/",
    "/admin/actors/actor/",
    "/admin/actors/contactpoint/",
    "/admin/events/event/",
    "/admin/events/eventtype/",
]


def test_a_verified_platform_administrator_enters_the_admin(client_for):
    client = client_for("kansli")
    for path in ADMIN_PAGES:
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("username", ["nacka.admin", "polisen.admin", "nacka.kontakt", "tib"])
def test_nobody_else_enters_the_admin(client_for, username):
    client = client_for(username)
    for path in ADMIN_PAGES:
        response = client.get(path, follow=True)
        assert response.status_code == 403, path
        assert "Ingen åtkomst till den tekniska administrationen" in response.content.decode()


def test_a_permission_administrator_is_pointed_to_its_own_administration(client_for):
    page = client_for("nacka.admin").get("/admin/", follow=True).content.decode()
    assert 'href="/administration/"' in page


def test_a_permission_administrator_who_is_made_staff_still_gets_no_admin(client_for, user):
    account = user("nacka.admin")
    account.is_staff = True
    account.save(update_fields=["is_staff"])
    assert client_for("nacka.admin").get("/admin/", follow=True).status_code == 403


def test_the_signed_out_get_the_sign_in_form_and_then_the_second_step(client, user, settings):
    settings.REQUIRE_ADMIN_TWO_FACTOR = True
    account = user("kansli")
    account.set_password("Stark-krisledning-2024")
    account.save(update_fields=["password"])
    response = client.get("/admin/accounts/user/", follow=True)
    assert response.redirect_chain[-1][0] == "/admin/login/?next=/admin/accounts/user/"
    signed_in = client.post(
        "/admin/login/?next=/admin/accounts/user/",
        {"username": "kansli", "password": "Stark-krisledning-2024"},
        follow=True,
    )
    assert signed_in.redirect_chain[-1][0].startswith("/konto/tvastegsverifiering/")


def test_the_admin_sign_in_form_refuses_a_permission_administrator(client, user):
    account = user("nacka.admin")
    account.set_password("Stark-krisledning-2024")
    account.save(update_fields=["password"])
    response = client.post(
        "/admin/login/", {"username": "nacka.admin", "password": "Stark-krisledning-2024"}
    )
    assert response.status_code == 200  # the form again, with an error
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


def _unverified(username: str, user) -> Client:
    client = Client()
    client.force_login(user(username), backend="samlad.accounts.backends.SamladBackend")
    return client


def test_an_unverified_platform_administrator_must_pass_the_second_step_first(user, settings):
    settings.REQUIRE_ADMIN_TWO_FACTOR = True
    client = _unverified("kansli", user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/tvastegsverifiering/")


def test_the_admin_itself_refuses_an_unverified_platform_administrator(user, settings, rf):
    """Also without the middleware in front: the site checks the second step itself."""
    from django.contrib import admin

    settings.REQUIRE_ADMIN_TWO_FACTOR = True
    request = rf.get("/admin/")
    request.user = user("kansli")
    assert admin.site.has_permission(request) is False
    request.user.otp_device = object()  # what django-otp sets after a verified second step
    assert admin.site.has_permission(request) is True


def test_in_demo_mode_a_platform_administrator_enters_without_two_factor(user, settings):
    settings.DEMO_MODE = True
    settings.REQUIRE_ADMIN_TWO_FACTOR = False
    assert _unverified("kansli", user).get("/admin/").status_code == 200
    assert _unverified("nacka.admin", user).get("/admin/", follow=True).status_code == 403


def test_accounts_are_only_looked_up_in_the_admin(client_for, user):
    client = client_for("kansli")
    account = user("nacka.kontakt")
    page = client.get(f"/admin/accounts/user/{account.pk}/change/").content.decode()
    assert "nacka.kontakt" in page
    assert client.get("/admin/accounts/user/add/").status_code == 403
    client.post(
        f"/admin/accounts/user/{account.pk}/change/", {"username": "x", "is_superuser": "on"}
    )
    assert not User.objects.get(pk=account.pk).is_superuser
    assert client.post(f"/admin/accounts/user/{account.pk}/delete/").status_code == 403
    assert User.objects.filter(pk=account.pk).exists()


def test_the_admin_shows_no_confidential_contact_point(client_for, user):
    tib = user("tib")  # Länsstyrelsen may read the Armed Forces' protected number
    tib.is_superuser = True
    tib.save(update_fields=["is_superuser"])
    page = client_for("tib").get("/admin/actors/contactpoint/?all=").content.decode()
    assert "RLC, direktnummer" in page  # restricted, shared with Länsstyrelsen: shown
    assert "Vakthavande befäl" not in page  # confidential: read where reads are logged


def test_the_admin_shows_no_restricted_contact_point_of_another_actor(client_for, user):
    account = user("nacka.kontakt")  # Nacka is not among those the Police share RLC with
    account.is_superuser = True
    account.save(update_fields=["is_superuser"])
    page = client_for("nacka.kontakt").get("/admin/actors/contactpoint/").content.decode()
    assert "nacka.247@" in page
    assert "RLC, direktnummer" not in page


def test_a_change_to_the_event_type_catalogue_is_logged(client_for):
    client = client_for("kansli")
    response = client.post(
        "/admin/events/eventtype/add/",
        {"slug": "test-typ", "name_sv": "Testtyp", "name_en": "Test type"},
    )
    assert response.status_code == 302
    kind = EventType.objects.get(slug="test-typ")
    entry = LogEntry.objects.get(action="event_type.created", target_id=str(kind.public_id))
    assert entry.after["name_sv"] == "Testtyp"
