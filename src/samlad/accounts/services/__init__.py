"""Every change to accounts, split by concept: the accounts administrators keep (users), and the
API tokens their owners get and end (tokens)."""

from samlad.accounts.services.tokens import (
    CredentialsRefused,
    TokenNotAllowed,
    TokenRefused,
    TryLater,
    issue_token,
    revoke_tokens,
)
from samlad.accounts.services.users import (
    PROFILE_FIELDS,
    create_user,
    renumber_call_out_order,
    set_platform_admin,
    set_security_officer,
    set_user_active,
    update_user,
)

__all__ = [
    "PROFILE_FIELDS",
    "CredentialsRefused",
    "TokenNotAllowed",
    "TokenRefused",
    "TryLater",
    "create_user",
    "issue_token",
    "renumber_call_out_order",
    "revoke_tokens",
    "set_platform_admin",
    "set_security_officer",
    "set_user_active",
    "update_user",
]
