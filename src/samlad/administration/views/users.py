"""An actor's user accounts: create (with an invitation by e-mail), change, deactivate and
reactivate, send the invitation again, and, for platform administrators, platform rights."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samlad.accounts import services
from samlad.administration import selectors
from samlad.administration.forms import NewUserForm, UserForm, show_errors
from samlad.administration.invitations import send_invitation
from samlad.administration.views.common import for_administered_actor, found
from samlad.core import access


def _back_to(actor, user=None):
    if user is None:
        return redirect("administration:actor", actor_id=actor.public_id)
    return redirect("administration:user", actor_id=actor.public_id, user_id=user.public_id)


def _invite(request, user) -> None:
    if send_invitation(by=request.user, user=user):
        messages.success(
            request,
            _("An invitation to choose a password has been sent to %(email)s.")
            % {"email": user.email},
        )
    else:
        messages.error(
            request,
            _(
                "The invitation could not be sent: the mail server did not answer. The account "
                "is saved; send the invitation again later."
            ),
        )


@for_administered_actor
@require_http_methods(["GET", "POST"])
def create(request, actor):
    """A new account for one of the actor's people; they get an invitation to choose a password."""
    choices = selectors.function_kinds_of(actor)
    form = NewUserForm(request.POST or None, actor=actor, function_choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.create_user(by=request.user, actor=actor, **form.service_fields())
        except ValidationError as error:
            show_errors(form, error)
        else:
            created = _("The account %(username)s is created.")
            messages.success(request, created % {"username": user.username})
            _invite(request, user)
            return _back_to(actor)
    return render(request, "administration/user_form.html", {"actor": actor, "form": form})


def _edit_form(request, actor, user) -> UserForm:
    initial = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "phone": user.phone.as_e164 if user.phone else "",
        "title": user.title,
        "functions": sorted(user.function_kinds),
        "can_read_confidential": user.can_read_confidential,
    }
    return UserForm(
        request.POST or None,
        initial=initial,
        function_choices=selectors.function_kinds_of(actor),
        own_account=user.pk == request.user.pk,
    )


@for_administered_actor
@require_http_methods(["GET", "POST"])
def edit(request, actor, user_id):
    """Change a person's details, functions and permission to read confidential information."""
    user = found(selectors.user_to_administer, request.user, actor=actor, public_id=user_id)
    form = _edit_form(request, actor, user)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_user(by=request.user, user=user, **form.service_fields())
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The changes are saved."))
            return _back_to(actor)
    context = {
        "actor": actor,
        "account": user,
        "form": form,
        "is_platform_admin": access.is_platform_admin(request.user),
        "invitation_pending": user.is_active and not user.has_usable_password(),
    }
    return render(request, "administration/user_form.html", context)


@for_administered_actor
@require_http_methods(["GET", "POST"])
def deactivate(request, actor, user_id):
    """Ask first, then deactivate: the person is signed out at once and cannot sign in."""
    user = found(selectors.user_to_administer, request.user, actor=actor, public_id=user_id)
    if request.method == "POST":
        try:
            services.set_user_active(by=request.user, user=user, active=False)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return _back_to(actor, user)
        messages.success(request, _("%(name)s is deactivated and signed out.") % {"name": user})
        return _back_to(actor)
    return render(request, "administration/user_deactivate.html", {"actor": actor, "account": user})


@for_administered_actor
@require_POST
def activate(request, actor, user_id):
    """Let a deactivated person sign in again."""
    user = found(selectors.user_to_administer, request.user, actor=actor, public_id=user_id)
    services.set_user_active(by=request.user, user=user, active=True)
    messages.success(request, _("%(name)s can sign in again.") % {"name": user})
    return _back_to(actor, user)


@for_administered_actor
@require_POST
def invite(request, actor, user_id):
    """Send the invitation to choose a password again (the earlier link stops working once a
    password is chosen)."""
    user = found(selectors.user_to_administer, request.user, actor=actor, public_id=user_id)
    try:
        _invite(request, user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _back_to(actor, user)


@for_administered_actor
@require_http_methods(["GET", "POST"])
def platform_admin(request, actor, user_id):
    """Ask first, then make a person a platform administrator or withdraw it (platform
    administrators only; an unknown person is 404 for everyone)."""
    return _platform_right(
        request,
        actor,
        user_id,
        held=lambda user: user.is_platform_admin,
        change=services.set_platform_admin,
        granted=_("%(name)s is now a platform administrator."),
        withdrawn=_("%(name)s is no longer a platform administrator."),
        template="administration/user_platform_admin.html",
    )


@for_administered_actor
@require_http_methods(["GET", "POST"])
def security_officer(request, actor, user_id):
    """Ask first, then give a person the right to read the audit logs or withdraw it (platform
    administrators only; an unknown person is 404 for everyone)."""
    return _platform_right(
        request,
        actor,
        user_id,
        held=lambda user: user.is_security_officer,
        change=services.set_security_officer,
        granted=_("%(name)s may now read the audit logs."),
        withdrawn=_("%(name)s may no longer read the audit logs."),
        template="administration/user_security_officer.html",
    )


def _platform_right(request, actor, user_id, *, held, change, granted, withdrawn, template):
    """Grant a platform right the person lacks or withdraw one it holds, after a confirmation
    page; only platform administrators may."""
    user = found(selectors.user_to_administer, request.user, actor=actor, public_id=user_id)
    if not access.is_platform_admin(request.user):
        raise PermissionDenied
    grant = not held(user)
    if request.method == "POST":
        try:
            change(by=request.user, user=user, value=grant)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, (granted if grant else withdrawn) % {"name": user})
        return _back_to(actor, user)
    context = {"actor": actor, "account": user, "grant": grant}
    return render(request, template, context)
