"""Who may do what with forums, activation requests and activations. Visibility of actors'
classified contact points stays with the access policy (samlad.core.access); these rules add
the roles of the cooperation model on top of it."""

from samlad.actors.models import ActorKind, FunctionKind
from samlad.core import access

# The county board's functions that run activations and see who was called, with numbers.
COUNTY_BOARD_DUTY = {FunctionKind.TIB, FunctionKind.RSIB, FunctionKind.RKK}
# Who may ask TiB for an activation: every actor's contact function, and RSIB (MODEL.md).
REQUESTERS = {FunctionKind.CONTACT, FunctionKind.TIB, FunctionKind.RSIB}


def is_county_board_duty(user) -> bool:
    """TiB, RSIB or RKK of the county board."""
    return (
        access.is_network_member(user)
        and user.actor.kind == ActorKind.COUNTY_BOARD
        and bool(COUNTY_BOARD_DUTY & user.function_kinds)
    )


def can_view_activations(user) -> bool:
    """Activations and their boards are network-wide."""
    return access.is_network_member(user) or access.is_platform_admin(user)


def can_activate(user) -> bool:
    """The county board's TiB convenes forums, decides requests and runs the call-out."""
    return (
        access.is_network_member(user)
        and user.actor.kind == ActorKind.COUNTY_BOARD
        and FunctionKind.TIB in user.function_kinds
    )


def can_request_activation(user) -> bool:
    return access.is_network_member(user) and bool(REQUESTERS & user.function_kinds)


def can_see_contact_details(user) -> bool:
    """The e-mail addresses and phone numbers of the people called are personal data: only
    TiB, RSIB, RKK and platform administrators see them."""
    return is_county_board_duty(user) or access.is_platform_admin(user)


def can_manage_forums(user) -> bool:
    return access.is_platform_admin(user)
