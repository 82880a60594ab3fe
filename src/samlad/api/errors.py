"""Every API error is a JSON problem document (RFC 9457): a status, a title and details; a
machine-readable `code` where there is one cause, field `errors` where the input was wrong."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions
from rest_framework.views import exception_handler

from samlad.core.errors import NotFound
from samlad.core.problems import PROBLEM_JSON, problem

__all__ = [
    "PROBLEM_JSON",
    "not_found",
    "problem",
    "problem_exception_handler",
    "problem_response",
]


def problem_exception_handler(exc, context):
    if isinstance(exc, NotFound):
        exc = Http404()
    elif isinstance(exc, ValidationError):
        detail = (
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
        exc = exceptions.ValidationError(detail=detail)
    elif isinstance(exc, PermissionDenied) and not isinstance(exc, exceptions.PermissionDenied):
        exc = exceptions.PermissionDenied(detail=str(exc) or None)
    response = exception_handler(exc, context)
    if response is None:
        return None
    response.data = problem(response.status_code, response.data)
    renderer = getattr(context.get("request"), "accepted_renderer", None)
    if renderer is None or renderer.format == "json":
        response.content_type = PROBLEM_JSON
    return response


def problem_response(status: int, detail, **extra) -> JsonResponse:
    """An error a view answers itself, as a problem document; `extra` adds members (a 409's
    `current`, say). Plain Django views and API views alike return it."""
    return JsonResponse(
        problem(status, {"detail": detail}) | extra,
        status=status,
        content_type=PROBLEM_JSON,
        json_dumps_params={"ensure_ascii": False},
    )


@csrf_exempt  # changes nothing; without it a POST got the CSRF failure page (403, HTML)
def not_found(request, *args, **kwargs):
    """Any address under /api/ that names nothing: 404 as a problem document, not a page."""
    return problem_response(404, exceptions.NotFound().detail)
