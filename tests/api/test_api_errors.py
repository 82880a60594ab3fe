"""Bad input gets a clear problem document (RFC 9457) and loses nothing; never a 500."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samlad.accounts.models import User

TOKEN_URL = "/api/v1/auth/token/"


@pytest.mark.parametrize(
    "body",
    ["{", '{"username": "nacka.kontakt", "password": ', "\x00\xff", '{"username": "a"}}'],
)
def test_malformed_json_is_a_bad_request(api, problem, body):
    response = api.generic("POST", TOKEN_URL, body, content_type="application/json")
    assert "JSON" in problem(response, 400)["detail"]


@pytest.mark.parametrize("body", ["[]", "null", "42", '"nacka.kontakt"', "true"])
def test_json_that_is_no_object_is_a_bad_request(api, problem, body):
    response = api.generic("POST", TOKEN_URL, body, content_type="application/json")
    assert list(problem(response, 400)["errors"]) == ["non_field_errors"]


def test_missing_fields_are_named(api, problem):
    body = problem(api.post(TOKEN_URL, {}, format="json"), 400)
    assert set(body["errors"]) == {"username", "password"}
    assert body["errors"]["username"] == ["Det här fältet är obligatoriskt."]


@pytest.mark.parametrize(
    "fields",
    [
        {"username": {"a": 1}, "password": "x"},
        {"username": "nacka.kontakt", "password": ["x"]},
        {"username": None, "password": "x"},
        {"username": "nacka.kontakt", "password": "x", "otp": ["123456"]},
        {"username": "x" * 151, "password": "x"},
    ],
)
def test_fields_of_the_wrong_type_or_size_are_named(api, problem, fields):
    body = problem(api.post(TOKEN_URL, fields, format="json"), 400)
    assert body["errors"]


def test_an_unknown_field_is_named(api, problem):
    body = {"username": "nacka.kontakt", "password": "x", "remember": True}
    assert list(problem(api.post(TOKEN_URL, body, format="json"), 400)["errors"]) == ["remember"]


def test_an_unsupported_media_type_is_refused(api, problem):
    response = api.generic("POST", TOKEN_URL, "username=x", content_type="text/plain")
    problem(response, 415)


def test_a_form_encoded_exchange_works_too(api, user):
    account = user("nacka.kontakt")
    account.set_password("Stark-krisledning-2024")
    account.save(update_fields=["password"])
    response = api.post(
        TOKEN_URL, {"username": "nacka.kontakt", "password": "Stark-krisledning-2024"}
    )
    assert response.status_code == 200


def test_a_wrong_method_is_a_problem_document(api, problem):
    problem(api.get(TOKEN_URL), 405)


def test_an_unknown_address_under_the_api_is_a_problem_document(api, problem):
    problem(api.get("/api/v1/nothing-here/"), 404)
    problem(api.get("/api/v2/"), 404)


@pytest.mark.parametrize(
    "fields",
    [
        {"username": "nacka.ny", "functions": "contact"},
        {"username": "nacka.ny", "functions": [["contact"]]},
        {"username": "nacka.ny", "can_read_confidential": "maybe"},
        {"username": "nacka.ny", "actor": {"slug": "nacka"}},
        {"username": "nacka.ny", "phone": {"number": "070-123 45 67"}},
        {"username": ["nacka.ny"]},
    ],
)
def test_a_malformed_new_account_is_refused_and_nothing_is_created(api_for, problem, fields):
    problem(api_for("nacka.admin").post("/api/v1/users/", fields, format="json"), 400)
    assert not User.objects.filter(username="nacka.ny").exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"channel": "fax", "value": "08-123 456 78"},
        {"channel": "phone", "value": "08-123 456 78", "position": "first"},
        {"channel": "phone", "value": "08-123 456 78", "position": 0},
        {"channel": "phone", "value": "08-123 456 78", "position": 10**9},
        {"channel": "phone", "value": "x" * 300},
        {"channel": "phone"},
        {"channel": "phone", "value": "08-123 456 78", "classification": "secret"},
    ],
)
def test_a_malformed_contact_point_is_refused(api_for, actor, problem, fields):
    url = f"/api/v1/actors/{actor('nacka').public_id}/contact-points/"
    problem(api_for("nacka.admin").post(url, fields, format="json"), 400)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)
token_bodies = json_values | st.fixed_dictionaries(
    {"username": json_values, "password": json_values},
    optional={"otp": json_values},
)
user_bodies = json_values | st.fixed_dictionaries(
    {},
    optional={
        "username": json_values,
        "phone": json_values,
        "email": json_values,
        "functions": json_values,
        "actor": json_values,
        "can_read_confidential": json_values,
    },
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=token_bodies)
def test_no_token_request_body_causes_a_server_error(api, body):
    response = api.post(TOKEN_URL, body, format="json")
    assert response.status_code in {400, 401, 403, 429}
    assert response["Content-Type"] == "application/problem+json"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=user_bodies)
def test_no_new_account_body_causes_a_server_error(api_for, body):
    response = api_for("nacka.admin").post("/api/v1/users/", body, format="json")
    assert response.status_code in {201, 400, 403}, response.content
