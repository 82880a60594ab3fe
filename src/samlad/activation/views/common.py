"""What the activation pages share: records as the user may see them (else 404)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from samlad.activation import rules, selectors
from samlad.core.errors import NotFound


def visible(selector, request, public_id):
    try:
        return selector(request.user, public_id=public_id)
    except NotFound:
        raise Http404 from None


def visible_activation(request, public_id):
    return visible(selectors.activation_for, request, public_id)


def visible_request(request, public_id):
    return visible(selectors.request_for, request, public_id)


def visible_forum(request, public_id):
    return visible(selectors.forum_for, request, public_id)


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def require_member(request) -> None:
    require(rules.can_view_activations(request.user))
