"""While the database cannot be reached, requests are answered 503 with Retry-After (a problem
document under /api/), not 500. The database is made unreachable here by refusing every query
the way psycopg does when the server is gone (Django's execute_wrapper); tests/faults stops a
real PostgreSQL server."""

from contextlib import contextmanager

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import path
from knox.models import AuthToken
from rest_framework.test import APIClient


@contextmanager
def database_gone():
    def refuse(execute, sql, params, many, context):
        raise OperationalError("consuming input failed: server closed the connection unexpectedly")

    with connection.execute_wrapper(refuse):
        yield


def test_the_api_answers_503_problem_documents_while_the_database_is_unreachable(user):
    client = APIClient(HTTP_AUTHORIZATION=f"Token {AuthToken.objects.create(user=user('tib'))[1]}")
    client.raise_request_exception = False
    with database_gone():
        response = client.get("/api/v1/events/")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == "5"
    body = response.json()
    assert body["status"] == 503 and body["code"] == "database_unavailable"


def test_a_page_answers_503_in_swedish_while_the_database_is_unreachable(client_for):
    client = client_for("tib")
    client.raise_request_exception = False
    with database_gone():
        response = client.get("/handelser/")
    assert response.status_code == 503
    assert "Databasen går inte att nå just nu" in response.content.decode()


def _broken(request):
    raise RuntimeError("a bug")


urlpatterns = [path("trasig/", _broken)]
handler500 = "samlad.core.unavailable.server_error"


@pytest.mark.urls(__name__)
def test_other_failures_are_still_a_plain_500(db):
    response = Client(raise_request_exception=False).get("/trasig/")
    assert response.status_code == 500
    assert "Retry-After" not in response
