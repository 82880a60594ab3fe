"""Delegated administration of accounts: an actor's permission administrators create, change
and deactivate their own actor's users and staff its functions; platform administrators may do
so for every actor. Nobody else touches an account but its owner's own password and 2FA."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from samlad.accounts.models import User
from samlad.accounts.sessions import end_sessions_of
from samlad.actors import rules as actor_rules
from samlad.actors.models import Actor, Function, FunctionAssignment, FunctionKind
from samlad.actors.phones import to_e164
from samlad.core import access, log
from samlad.core.errors import NotPermitted

PROFILE_FIELDS = ["first_name", "last_name", "email", "phone", "title"]


def _require_admin_of(by: User, actor: Actor) -> None:
    if not actor_rules.can_administer_users_of(by, actor):
        raise NotPermitted(_("You may only administer your own actor's users."))


def _require_admin_of_user(by: User, user: User) -> None:
    if user.actor_id is None or user.is_platform_admin:
        _require_platform(by)
    else:
        _require_admin_of(by, user.actor)


def _require_platform(by: User) -> None:
    if not access.is_platform_admin(by):
        raise NotPermitted(_("Only platform administrators change this account."))


def _profile_value(user: User, field: str) -> str:
    value = getattr(user, field) or ""
    return value.as_e164 if field == "phone" and value else str(value)


def _snapshot(user: User) -> dict:
    return {
        "username": user.username,
        **{field: _profile_value(user, field) for field in PROFILE_FIELDS},
        "is_active": user.is_active,
        "can_read_confidential": user.can_read_confidential,
        "functions": sorted(user.function_assignments.values_list("function__kind", flat=True))
        if user.pk
        else [],
    }


def _clean_profile(fields: dict) -> dict:
    cleaned = dict(fields)
    errors = {}
    if "email" in cleaned:
        cleaned["email"] = (cleaned["email"] or "").strip().lower()
        if cleaned["email"]:
            try:
                validate_email(cleaned["email"])
            except ValidationError:
                errors["email"] = _("Enter a valid e-mail address.")
    if cleaned.get("phone"):
        try:
            cleaned["phone"] = to_e164(str(cleaned["phone"]))
        except ValidationError as exc:
            errors["phone"] = exc.messages[0]
    for name in ("first_name", "last_name", "title"):
        if name in cleaned:
            cleaned[name] = (cleaned[name] or "").strip()
    if errors:
        raise ValidationError(errors)
    return cleaned


def _check_username(username: str) -> str:
    username = (username or "").strip().lower()
    if not username:
        raise ValidationError({"username": _("Choose a user name.")})
    try:
        User.username_validator(username)
    except ValidationError as exc:
        raise ValidationError({"username": exc.messages}) from exc
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(
            {"username": _("The user name “%(name)s” is already taken.") % {"name": username}}
        )
    return username


def _set_functions(*, user: User, kinds) -> None:
    kinds = set(kinds)
    functions = {f.kind: f for f in Function.objects.filter(actor_id=user.actor_id)}
    unknown = kinds - set(functions)
    if unknown:
        raise ValidationError(
            {
                "functions": _("The actor has no such function: %(kinds)s")
                % {"kinds": ", ".join(sorted(unknown))}
            }
        )
    leaving = FunctionAssignment.objects.filter(user=user).exclude(function__kind__in=kinds)
    left_functions = [assignment.function for assignment in leaving.select_related("function")]
    leaving.delete()
    for function in left_functions:
        renumber_call_out_order(function=function)
    for kind in kinds:
        function = functions[kind]
        if not FunctionAssignment.objects.filter(user=user, function=function).exists():
            position = function.assignments.count() + 1
            FunctionAssignment.objects.create(user=user, function=function, position=position)
    user.__dict__.pop("function_kinds", None)


def renumber_call_out_order(*, function: Function) -> None:
    """Number the people who staff `function` 1, 2, 3 … in their present order, without gaps."""
    for position, assignment in enumerate(function.assignments.order_by("position", "pk"), 1):
        if assignment.position != position:
            assignment.position = position
            assignment.save(update_fields=["position"])


def _check_own_rights(*, by: User, user: User, functions, can_read_confidential) -> None:
    """Nobody widens their own rights, nor drops the right to administer by mistake."""
    if getattr(by, "pk", None) != user.pk:
        return
    errors = {}
    if can_read_confidential is not None and can_read_confidential != user.can_read_confidential:
        errors["can_read_confidential"] = _(
            "You cannot change your own permission to read confidential information."
        )
    if (
        functions is not None
        and user.is_permission_admin
        and FunctionKind.PERMISSION_ADMIN not in set(functions)
    ):
        errors["functions"] = _(
            "You cannot withdraw your own permission administrator function: "
            "ask another administrator."
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_user(
    *,
    by: User,
    actor: Actor,
    username: str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    phone: str = "",
    title: str = "",
    functions=(),
    can_read_confidential: bool = False,
    password: str | None = None,
) -> User:
    """Create an account for one of the actor's people. Without a password the account can only
    be entered after a password reset (the invitation)."""
    _require_admin_of(by, actor)
    profile = _clean_profile(
        {
            "first_name": first_name,
            "last_name": last_name,
            "email": email,
            "phone": phone,
            "title": title,
        }
    )
    user = User(
        username=_check_username(username),
        actor=actor,
        can_read_confidential=can_read_confidential,
        **profile,
    )
    if password:
        validate_password(password, user)
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    _set_functions(user=user, kinds=functions)
    log.record(
        by=by, action="user.created", target=user, summary=user.username, after=_snapshot(user)
    )
    return user


@transaction.atomic
def update_user(
    *, by: User, user: User, functions=None, can_read_confidential: bool | None = None, **profile
) -> User:
    """Change a user's details, functions or confidential permission."""
    _require_admin_of_user(by, user)
    unknown = set(profile) - set(PROFILE_FIELDS)
    if unknown:
        raise ValidationError({name: _("This field cannot be changed here.") for name in unknown})
    user = User.objects.select_for_update().get(pk=user.pk)
    _check_own_rights(
        by=by, user=user, functions=functions, can_read_confidential=can_read_confidential
    )
    before = _snapshot(user)
    for field, value in _clean_profile(profile).items():
        setattr(user, field, value)
    if can_read_confidential is not None:
        user.can_read_confidential = can_read_confidential
    user.save()
    if functions is not None:
        _set_functions(user=user, kinds=functions)
    old, new = log.changes(before, _snapshot(user))
    if new:
        log.record(
            by=by, action="user.updated", target=user, summary=user.username, before=old, after=new
        )
    return user


@transaction.atomic
def set_user_active(*, by: User, user: User, active: bool) -> User:
    """Deactivate an account (it can no longer sign in, its tokens stop working) or reactivate it.
    Accounts are never deleted: the log keeps pointing at them."""
    _require_admin_of_user(by, user)
    if not active and user.pk == getattr(by, "pk", None):
        raise ValidationError(_("You cannot deactivate your own account."))
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_active != active:
        user.is_active = active
        user.save(update_fields=["is_active"])
        if not active:
            user.auth_token_set.all().delete()
            end_sessions_of(user)
        log.record(
            by=by,
            action="user.activated" if active else "user.deactivated",
            target=user,
            summary=user.username,
            before={"is_active": not active},
            after={"is_active": active},
        )
    return user


@transaction.atomic
def set_platform_admin(*, by: User, user: User, value: bool) -> User:
    """Make a user a platform administrator (samordningskansliet), or stop it."""
    _require_platform(by)
    if not value and user.pk == getattr(by, "pk", None):
        raise ValidationError(_("You cannot withdraw your own platform administrator rights."))
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_superuser != value:
        user.is_superuser = value
        user.is_staff = value
        user.save(update_fields=["is_superuser", "is_staff"])
        log.record(
            by=by,
            action="user.platform_admin",
            target=user,
            summary=user.username,
            before={"is_platform_admin": not value},
            after={"is_platform_admin": value},
        )
    return user


@transaction.atomic
def set_security_officer(*, by: User, user: User, value: bool) -> User:
    """Grant or withdraw the security officer's / registrar's right to read the audit logs
    (platform administrators only; nobody changes their own)."""
    _require_platform(by)
    if user.pk == getattr(by, "pk", None):
        raise ValidationError(_("You cannot change your own right to read the audit logs."))
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_security_officer != value:
        user.is_security_officer = value
        user.save(update_fields=["is_security_officer"])
        log.record(
            by=by,
            action="user.security_officer",
            target=user,
            summary=user.username,
            before={"is_security_officer": not value},
            after={"is_security_officer": value},
        )
    return user
