"""/api/v1/users/{public_id}/notification-settings/: an actor's permission administrator reads and
sets its own users' notification settings through the API, as on the page
/underrattelser/installningar/anvandare/. Another actor's user is not found, as if there were
none; anyone who is not a permission administrator is refused before any lookup; bad input is a
problem document and changes nothing."""

import uuid

import pytest

from samlad.core.models import LogEntry
from samlad.notices.models import NotificationPreference


def url(user) -> str:
    return f"/api/v1/users/{user.public_id}/notification-settings/"


def setting(user, channel: str) -> NotificationPreference:
    return NotificationPreference.objects.get(user=user, channel=channel)


def categories(preference: NotificationPreference) -> list[str]:
    return sorted(preference.categories.values_list("slug", flat=True))


def test_nackas_permission_administrator_reads_a_nacka_users_settings(api_for, user):
    response = api_for("nacka.admin").get(url(user("nacka.kontakt")))
    assert response.status_code == 200, response.content
    assert response.json() == {
        "email": {
            "enabled": True,
            "all_categories": True,
            "categories": [],
            "scope": "all",
            "timing": "immediate",
        },
        "sms": {
            "enabled": True,
            "all_categories": False,
            "categories": ["samhallsviktig-verksamhet", "vadervarning"],
            "scope": "all",
            "timing": "immediate",
        },
    }


def test_the_api_shows_what_the_page_of_the_users_settings_shows(api_for, client_for, user):
    contact = user("nacka.kontakt")
    api_for("nacka.admin").put(
        url(contact), {"email": {"enabled": False}, "sms": {"enabled": False}}, format="json"
    )
    page = client_for("nacka.admin").get("/underrattelser/installningar/anvandare/")
    row = page.content.decode().split("nacka.kontakt", 1)[1].split("</tr>", 1)[0]
    assert row.count(">av<") == 2  # both channels off, as the API set them


def test_put_sets_each_channel_given_as_a_whole(api_for, user):
    contact = user("nacka.kontakt")
    response = api_for("nacka.admin").put(
        url(contact),
        {
            "email": {"enabled": True, "timing": "digest", "scope": "followed"},
            "sms": {"enabled": False},
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    email, sms = setting(contact, "email"), setting(contact, "sms")
    assert email.enabled and email.timing == "digest" and email.scope == "followed"
    assert not sms.enabled and sms.all_categories  # left out: the default
    assert response.json()["email"]["timing"] == "digest"
    assert not response.json()["sms"]["enabled"]
    logged = LogEntry.objects.filter(
        action="notice_settings.changed", target_id=str(contact.public_id)
    )
    assert {entry.user.username for entry in logged} == {"nacka.admin"}


def test_put_leaves_a_channel_left_out_as_it_was(api_for, user):
    contact = user("nacka.kontakt")
    response = api_for("nacka.admin").put(
        url(contact), {"email": {"enabled": False}}, format="json"
    )
    assert response.status_code == 200, response.content
    assert not setting(contact, "email").enabled
    sms = setting(contact, "sms")
    assert sms.enabled and categories(sms) == ["samhallsviktig-verksamhet", "vadervarning"]


def test_patch_changes_only_the_fields_given(api_for, user):
    contact = user("nacka.kontakt")
    response = api_for("nacka.admin").patch(
        url(contact), {"sms": {"timing": "digest"}}, format="json"
    )
    assert response.status_code == 200, response.content
    sms = setting(contact, "sms")
    assert sms.enabled and sms.timing == "digest" and not sms.all_categories
    assert categories(sms) == ["samhallsviktig-verksamhet", "vadervarning"]
    assert response.json()["sms"]["categories"] == ["samhallsviktig-verksamhet", "vadervarning"]
    assert setting(contact, "email").timing == "immediate"


def test_patch_chooses_categories(api_for, user):
    contact = user("nacka.kontakt")
    response = api_for("nacka.admin").patch(
        url(contact),
        {"email": {"all_categories": False, "categories": ["trafik", "vadervarning"]}},
        format="json",
    )
    assert response.status_code == 200, response.content
    email = setting(contact, "email")
    assert not email.all_categories and categories(email) == ["trafik", "vadervarning"]


def test_the_permission_administrator_sets_its_own_settings_here_too(api_for, user):
    admin = user("nacka.admin")
    response = api_for("nacka.admin").patch(
        url(admin), {"email": {"timing": "immediate"}}, format="json"
    )
    assert response.status_code == 200, response.content
    assert setting(admin, "email").timing == "immediate"


# The boundary


def test_another_actors_user_is_not_found_and_not_changed(api_for, user, problem):
    police = user("polisen.kontakt")
    client = api_for("nacka.admin")
    problem(client.get(url(police)), 404)
    problem(client.put(url(police), {"sms": {"enabled": False}}, format="json"), 404)
    problem(client.patch(url(police), {"sms": {"enabled": False}}, format="json"), 404)
    assert setting(police, "sms").enabled


def test_another_actors_user_looks_like_one_that_does_not_exist(api_for, user):
    client = api_for("nacka.admin")
    theirs = client.get(url(user("polisen.kontakt")))
    nobodys = client.get(f"/api/v1/users/{uuid.uuid4()}/notification-settings/")
    assert theirs.status_code == nobodys.status_code == 404
    assert theirs.json() == nobodys.json()


def test_a_plain_user_is_refused_even_for_a_colleague(api_for, user, problem):
    client = api_for("nacka.kontakt")
    admin = user("nacka.admin")
    problem(client.get(url(admin)), 403)
    problem(client.put(url(admin), {"email": {"enabled": False}}, format="json"), 403)
    problem(client.get(url(user("polisen.kontakt"))), 403)  # refused before any lookup
    assert setting(admin, "email").enabled


@pytest.mark.parametrize("username", ["kansli", "tib"])
def test_only_permission_administrators_manage_users_settings(api_for, user, problem, username):
    """As on the page: the platform administrator (samordningskansliet) and the county board's
    duty officer are no actor's permission administrators here."""
    problem(api_for(username).get(url(user("nacka.kontakt"))), 403)


def test_signed_out_callers_get_401(api, user, problem):
    problem(api.get(url(user("nacka.kontakt"))), 401)


# Bad input


def test_an_unknown_field_is_refused_not_ignored(api_for, user, problem):
    contact = user("nacka.kontakt")
    body = problem(
        api_for("nacka.admin").patch(url(contact), {"sms": {"enabeld": False}}, format="json"),
        400,
    )
    assert "enabeld" in body["errors"]["sms"]
    assert setting(contact, "sms").enabled


@pytest.mark.parametrize(
    "data, channel, field",
    [
        ({"email": {"enabled": True, "timing": "sometimes"}}, "email", "timing"),
        ({"email": {"enabled": True, "scope": "everything"}}, "email", "scope"),
        ({"email": {"categories": ["no-such-category"]}}, "email", "categories"),
        ({"email": {"enabled": "perhaps"}}, "email", "enabled"),
        ({"fax": {"enabled": True}}, "fax", None),
    ],
)
def test_bad_values_are_a_problem_naming_the_field(api_for, user, problem, data, channel, field):
    body = problem(api_for("nacka.admin").put(url(user("nacka.kontakt")), data, format="json"), 400)
    assert channel in body["errors"]
    if field:
        assert field in body["errors"][channel]


def test_an_empty_body_is_a_bad_request(api_for, user, problem):
    body = problem(api_for("nacka.admin").put(url(user("nacka.kontakt")), {}, format="json"), 400)
    assert body["errors"]["non_field_errors"]


def test_sms_to_a_user_without_a_mobile_number_is_refused_and_nothing_is_saved(
    api_for, user, problem
):
    contact = user("nacka.kontakt")
    contact.phone = ""
    contact.save(update_fields=["phone"])
    NotificationPreference.objects.filter(user=contact, channel="sms").update(enabled=False)
    body = problem(
        api_for("nacka.admin").put(
            url(contact),
            {"email": {"enabled": False}, "sms": {"enabled": True}},
            format="json",
        ),
        400,
    )
    assert "enabled" in body["errors"]["sms"]
    assert setting(contact, "email").enabled  # the e-mail change was not half-saved
    assert not setting(contact, "sms").enabled


def test_choosing_no_category_is_refused(api_for, user, problem):
    contact = user("nacka.kontakt")
    body = problem(
        api_for("nacka.admin").patch(
            url(contact), {"email": {"all_categories": False}}, format="json"
        ),
        400,
    )
    assert "categories" in body["errors"]["email"]
    assert setting(contact, "email").all_categories


def test_the_schema_documents_the_endpoint(client):
    schema = client.get("/api/schema/?format=json").json()
    operations = schema["paths"]["/api/v1/users/{public_id}/notification-settings/"]
    assert {"get", "put", "patch"} <= set(operations)
    for method in ("get", "put", "patch"):
        assert {"401", "403", "404"} <= set(operations[method]["responses"])
