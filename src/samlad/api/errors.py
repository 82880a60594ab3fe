"""Every API error is a JSON problem document (RFC 9457): a status, a title and details."""

from http import HTTPStatus

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from rest_framework import exceptions
from rest_framework.views import exception_handler

from samlad.core.errors import NotFound


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
    body = {"status": response.status_code, "title": _title(response.status_code)}
    if isinstance(response.data, dict) and set(response.data) == {"detail"}:
        body["detail"] = response.data["detail"]
    else:
        body["errors"] = response.data
    response.data = body
    # Read when the response is rendered (a header set here would be overwritten then).
    response.content_type = "application/problem+json"
    return response


def _title(code: int) -> str:
    return HTTPStatus(code).phrase
