"""/api/v1/audit/changes/ and /api/v1/audit/reads/: the same logs and filters through the API,
paged with limit/offset, in the OpenAPI schema, errors as problem documents, reads logged."""

from django.urls import reverse

from samlad.core.models import ConfidentialRead

CHANGES = "/api/v1/audit/changes/"
READS = "/api/v1/audit/reads/"


def results(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_a_change_as_the_api_shows_it(api_as, logged, user, actor):
    (change,) = results(api_as("sakerhet").get(CHANGES, {"user": "polisen.kontakt"}))
    police = logged["police"]
    assert change == {
        "id": str(police.public_id),
        "at": "2026-03-06T10:00:00+01:00",
        "user": {
            "public_id": str(user("polisen.kontakt").public_id),
            "username": "polisen.kontakt",
        },
        "actor": {
            "public_id": str(actor("polisen").public_id),
            "name": actor("polisen").name,
            "slug": "polisen",
        },
        "action": "event.updated",
        "object_type": "events.event",
        "object_id": police.target_id,
        "summary": "Hot mot kritisk infrastruktur",
        "before": {"status": "ongoing"},
        "after": {"status": "closed"},
    }


def test_a_read_as_the_api_shows_it(api_as, logged, user):
    (read,) = results(api_as("sakerhet").get(READS, {"object_id": logged["read"].target_id}))
    assert read["at"] == "2026-03-05T13:00:00+01:00"
    assert read["user"]["username"] == "tib"
    assert read["actor"]["slug"] == "lansstyrelsen"
    assert (read["object_type"], read["via"]) == ("actors.contactpoint", "page")


def test_the_api_filters_by_actor_object_and_period(api_as, logged, actor):
    client = api_as("sakerhet")
    by_actor = results(client.get(CHANGES, {"actor": str(actor("nacka").public_id)}))
    assert [c["id"] for c in by_actor] == [str(logged["nacka"].public_id)]
    by_object = results(
        client.get(
            CHANGES, {"object_type": "events.event", "object_id": logged["police"].target_id}
        )
    )
    assert [c["id"] for c in by_object] == [str(logged["police"].public_id)]
    by_day = results(client.get(CHANGES, {"since": "2026-03-05", "until": "2026-03-05"}))
    assert [c["id"] for c in by_day] == [str(logged["nacka"].public_id)]


def test_the_api_pages_with_limit_and_offset(api_as, logged):
    client = api_as("sakerhet")
    query = {"since": "2026-03-05", "until": "2026-03-06"}
    first = client.get(CHANGES, {**query, "limit": 1}).json()
    second = client.get(CHANGES, {**query, "limit": 1, "offset": 1}).json()
    assert first["count"] == 2
    assert [c["id"] for c in first["results"] + second["results"]] == [
        str(logged["police"].public_id),
        str(logged["nacka"].public_id),
    ]


def test_bad_filters_are_a_400_problem(api_as, problem, db):
    client = api_as("sakerhet")
    assert "since" in problem(client.get(CHANGES, {"since": "i går"}), 400)["errors"]
    assert (
        "until"
        in problem(client.get(READS, {"since": "2026-03-06", "until": "2026-03-05"}), 400)["errors"]
    )
    assert "colour" in problem(client.get(CHANGES, {"colour": "red"}), 400)["errors"]


def test_an_api_read_is_logged_as_a_read_of_the_audit_log(api_as, logged):
    api_as("sakerhet").get(CHANGES, {"user": "tib", "limit": 5})
    read = ConfidentialRead.objects.get(user__username="sakerhet")
    assert (read.target_type, read.target_id, read.via) == ("core.logentry", "user=tib", "api")


def test_a_refused_api_read_is_not_logged(api_as, db):
    api_as("kansli").get(CHANGES)
    assert not ConfidentialRead.objects.filter(target_type="core.logentry").exists()


def test_the_audit_endpoints_are_in_the_openapi_schema(client, db):
    schema = client.get(reverse("schema"), HTTP_ACCEPT="application/json").json()
    changes = schema["paths"][CHANGES]["get"]
    assert {p["name"] for p in changes["parameters"]} >= {
        "user",
        "actor",
        "object_type",
        "object_id",
        "since",
        "until",
        "limit",
        "offset",
    }
    assert "403" in changes["responses"]
    assert READS in schema["paths"]


def test_the_api_exports_csv_and_logs_the_export(api_as, logged):
    response = api_as("sakerhet").get("/api/v1/audit/reads.csv", {"user": "tib"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode()
    assert text.splitlines()[1].startswith("2026-03-05 13:00:00+01:00,tib,lansstyrelsen,")
    read = ConfidentialRead.objects.get(user__username="sakerhet")
    assert (read.target_type, read.target_id, read.via) == (
        "core.confidentialread",
        "user=tib",
        "export",
    )


def test_the_api_csv_export_is_a_403_problem_without_the_right(api_as, problem, db):
    problem(api_as("kansli").get("/api/v1/audit/changes.csv"), 403)
    problem(api_as("nacka.admin").get("/api/v1/audit/reads.csv"), 403)
