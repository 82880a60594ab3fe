"""While the database cannot be reached (restarting, failing over, the network between), every
request that needs it is answered 503 with `Retry-After`, not 500: under /api/ a problem document
(code `database_unavailable`), elsewhere a short page. The connection pool opens new connections
once the database is back, so the process recovers by itself, with no restart.

Django turns an exception that nothing handled into the 500 handler's answer (in every middleware
layer, so no middleware can catch it); this is that handler, and it looks at the exception being
handled."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.defaults import server_error as plain_server_error

from samlad.core.problems import PROBLEM_JSON, problem

RETRY_AFTER_SECONDS = 5


def database_is_unreachable(exc: BaseException | None) -> bool:
    """Whether `exc` (or what caused it) says the database cannot be reached."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, OperationalError | InterfaceError):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: 503 when the database is unreachable, Django's plain 500 otherwise."""
    if not database_is_unreachable(sys.exc_info()[1]):
        return plain_server_error(request)
    detail = _("The database cannot be reached just now. Try again in a moment.")
    if request.path.startswith("/api/"):
        body = problem(503, {"detail": detail}) | {"code": "database_unavailable"}
        response: HttpResponse = JsonResponse(body, status=503, content_type=PROBLEM_JSON)
    else:
        title = _("Service Unavailable")
        response = HttpResponse(
            f"<!DOCTYPE html><title>Samlad</title><h1>{title}</h1><p>{detail}</p>", status=503
        )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
