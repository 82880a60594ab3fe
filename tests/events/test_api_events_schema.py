"""The events API is documented in the OpenAPI schema: valid, without generator warnings, every
id a UUID, every error a problem document."""

import pytest
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

OURS = ("/api/v1/events/", "/api/v1/event-types/", "/api/v1/search/")


@pytest.fixture(scope="module")
def schema_and_warnings():
    GENERATOR_STATS.reset()
    schema = SchemaGenerator().get_schema(request=None, public=True)
    warnings = [*GENERATOR_STATS._warn_cache, *GENERATOR_STATS._error_cache]
    return schema, warnings


def test_the_schema_is_valid_openapi_without_warnings_about_the_events_api(schema_and_warnings):
    schema, warnings = schema_and_warnings
    validate_schema(schema)
    ours = [w for w in warnings if "samlad/events" in w or any(p in w for p in OURS)]
    assert ours == []


def test_every_events_endpoint_is_documented_with_uuid_ids_and_problem_errors(
    schema_and_warnings,
):
    schema, _ = schema_and_warnings
    paths = {path: ops for path, ops in schema["paths"].items() if path.startswith(OURS)}
    assert {
        "/api/v1/events/",
        "/api/v1/events/{event_id}/",
        "/api/v1/events/{event_id}/close/",
        "/api/v1/events/{event_id}/log/",
        "/api/v1/events/{event_id}/reports/",
        "/api/v1/events/{event_id}/reports/{report_id}/",
        "/api/v1/events/{event_id}/pictures/",
        "/api/v1/events/{event_id}/pictures/draft/",
        "/api/v1/events/{event_id}/pictures/{number}/",
        "/api/v1/event-types/",
        "/api/v1/search/",
    } <= set(paths)
    for path, operations in paths.items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path" and parameter["name"].endswith("_id"):
                    assert parameter["schema"].get("format") == "uuid", (path, parameter)
            assert "401" in operation["responses"], (path, method)
            problem = operation["responses"]["401"]["content"]
            assert "application/problem+json" in problem, (path, method)
    draft_put = paths["/api/v1/events/{event_id}/pictures/draft/"]["put"]
    assert "409" in draft_put["responses"]
