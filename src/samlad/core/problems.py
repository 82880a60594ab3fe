"""The problem document (RFC 9457) every error answer under /api/ is: a status, a title and
details. samlad.api.errors builds the API's error handling on it; core's own answers under /api/
(the database being unreachable) use it too, without reaching up into the API toolkit."""

from http import HTTPStatus
from typing import Any

PROBLEM_JSON = "application/problem+json"


def problem(status: int, data: Any) -> dict[str, Any]:
    """The problem document for an error response of DRF (its `data`)."""
    body: dict[str, Any] = {"type": "about:blank", "status": status, "title": _title(status)}
    if isinstance(data, dict) and set(data) == {"detail"}:
        body["detail"] = data["detail"]
        code = getattr(data["detail"], "code", None)
        if code:
            body["code"] = code
    else:
        body["errors"] = data
    return body


# RFC 9110's names where Python 3.11 still has the older ones.
TITLES = {413: "Content Too Large", 422: "Unprocessable Content"}


def _title(code: int) -> str:
    return TITLES.get(code) or HTTPStatus(code).phrase
