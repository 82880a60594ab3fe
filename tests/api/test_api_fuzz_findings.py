"""What fuzzing the API (tests/fuzz) found, each pinned by a plain example: every answer under
/api/ is a documented problem document or a body that matches the schema, never a 500 or a page."""

from rest_framework.test import APIClient


def test_a_post_to_an_address_that_names_nothing_is_a_404_problem_not_a_csrf_page(
    token_for, problem
):
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_for('tib')}")
    response = client.post("/api/v1/actors/not-an-id/contact-points/", {}, format="json")
    problem(response, 404)


def test_options_on_an_api_address_is_refused_as_a_method_not_allowed(api_for, problem):
    client = api_for("tib")
    for address in [
        "/api/v1/meetings/00000000-0000-0000-0000-000000000000/agenda/",
        "/api/v1/events/00000000-0000-0000-0000-000000000000/pictures/draft/",
        "/api/v1/events/",
    ]:
        problem(client.options(address), 405)


def test_a_forums_meeting_time_is_documented_as_a_time_without_an_offset(api_for):
    import jsonschema_rs
    import yaml
    from django.test import Client

    schema = yaml.safe_load(Client().get("/api/schema/").content)
    field = schema["components"]["schemas"]["Forum"]["properties"]["rhythm_time"]
    forums = api_for("tib").get("/api/v1/forums/").json()["results"]
    times = [forum["rhythm_time"] for forum in forums if forum["rhythm_time"]]
    assert times, "no demo forum has a meeting time"
    # OpenAPI's `format: time` is RFC 3339's full-time, which has an offset ("16:00:00Z"): a
    # strict client (schemathesis checks with jsonschema_rs) refuses "16:00:00".
    checker = jsonschema_rs.validator_for(field, validate_formats=True)
    for value in times:
        assert checker.is_valid(value), value


def _schema() -> dict:
    import yaml
    from django.test import Client

    return yaml.safe_load(Client().get("/api/schema/").content)


def test_a_cap_import_without_a_media_type_is_a_documented_415(api_for, problem):
    response = api_for("tib").generic("POST", "/api/v1/cap/import/", b"<alert/>", content_type="")
    assert problem(response, 415)["code"] == "unsupported_media_type"
    assert "415" in _schema()["paths"]["/api/v1/cap/import/"]["post"]["responses"]


def test_field_errors_of_a_nested_object_match_the_documented_problem(api_for, problem):
    import jsonschema_rs

    settings = {
        "email": {"all_categories": True, "categories": [], "scope": "all", "timing": "immediate"},
        "sms": {"enabled": False, "all_categories": True, "categories": [], "scope": "all"},
    }
    response = api_for("nacka.kontakt").put(
        "/api/v1/me/notification-settings/", settings, format="json"
    )
    body = problem(response, 400)
    assert body["errors"]["email"] == {"enabled": ["Det här fältet är obligatoriskt."]}
    schema = _schema()
    documented = {"$ref": "#/components/schemas/Problem", "components": schema["components"]}
    assert jsonschema_rs.validator_for(documented).is_valid(body), body
