"""The OpenAPI 3 schema at /api/schema/ is valid and documents every endpoint; the docs at
/api/docs/ are served from here alone (offline) with no inline script or style (strict CSP)."""

import re

import pytest
import yaml
from django.core.management import call_command
from django.urls import URLPattern, URLResolver

from samlad.accounts import api_urls as accounts_api_urls
from samlad.actors import api_urls as actors_api_urls

METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture(scope="module")
def schema():
    from django.test import Client

    response = Client().get("/api/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_the_schema_validates_without_a_warning(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yaml"))


def test_the_schema_is_openapi_3(schema):
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Samlad API"


def _routes(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


def test_every_route_of_the_foundation_is_in_the_schema(schema):
    for module in (accounts_api_urls, actors_api_urls):
        for route in _routes(module.urlpatterns, "/api/v1/"):
            assert route in schema["paths"], route


def test_every_operation_has_a_summary_and_its_error_responses(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method not in METHODS:
                continue
            assert operation.get("summary"), f"{method} {path}"
            errors = {code for code in operation["responses"] if code.startswith(("4", "5"))}
            assert errors, f"{method} {path} documents no errors"
            for code in errors:
                content = operation["responses"][code]["content"]
                assert "application/problem+json" in content, f"{method} {path} {code}"


def test_the_token_endpoint_needs_no_credentials_and_the_others_do(schema):
    token = schema["paths"]["/api/v1/auth/token/"]["post"]
    assert token.get("security") in (None, [], [{}])
    me = schema["paths"]["/api/v1/me/"]["get"]
    assert {"tokenAuth": []} in me["security"]
    schemes = schema["components"]["securitySchemes"]
    assert schemes["tokenAuth"] == {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": schemes["tokenAuth"]["description"],
    }


def test_choices_are_named_enums(schema):
    components = schema["components"]["schemas"]
    assert "contact" in components["FunctionKind"]["enum"]
    assert "municipality" in components["ActorKind"]["enum"]
    assert components["Classification"]["enum"] == ["open", "restricted", "confidential"]


def test_the_docs_page_loads_only_local_files_and_has_no_inline_code(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources
    for source in sources:
        assert source.startswith("/"), source
        assert client.get(source).status_code == 200, source
    assert "<style" not in page
    assert re.findall(r"<script(?![^>]*\bsrc=)", page) == []


def test_the_docs_script_points_at_the_schema_and_never_at_the_swagger_validator(client):
    response = client.get("/api/docs/?script=")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    script = response.content.decode()
    assert '"/api/schema/"' in script
    assert '"validatorUrl": null' in script
