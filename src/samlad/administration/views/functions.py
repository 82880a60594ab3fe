"""An actor's functions and who staffs them, in call-out order: the first is called first, the
next is the deputy. The order is changed a step at a time with plain buttons (no JavaScript)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from samlad.accounts import services as account_services
from samlad.actors import services
from samlad.administration import selectors
from samlad.administration.forms import StaffForm
from samlad.administration.views.common import for_administered_actor, found
from samlad.core.errors import NotPermitted


def _candidates(viewer, actor, function) -> list:
    staffing = {assignment.user_id for assignment in function.assignments.all()}
    return [
        user
        for user in selectors.users_of(actor, viewer=viewer)
        if user.is_active and user.pk not in staffing and not user.is_platform_admin
    ]


def _back_to(function):
    return redirect(
        "administration:function",
        actor_id=function.actor.public_id,
        function_id=function.public_id,
    )


@for_administered_actor
@require_GET
def detail(request, actor, function_id):
    """Who staffs the function, in call-out order, and who could."""
    function = found(selectors.function_of, actor, public_id=function_id)
    form = StaffForm(candidates=_candidates(request.user, actor, function))
    context = {"actor": actor, "function": function, "form": form}
    return render(request, "administration/function.html", context)


def _person(request, function):
    """The staff member named in the form, or 404."""
    for assignment in function.assignments.all():
        if str(assignment.user.public_id) == request.POST.get("user"):
            return assignment.user
    raise Http404


@for_administered_actor
@require_POST
def move(request, actor, function_id):
    """One step earlier or later in the call-out order."""
    function = found(selectors.function_of, actor, public_id=function_id)
    person = _person(request, function)
    services.move_in_call_out_order(
        by=request.user, function=function, user=person, up=request.POST.get("direction") == "up"
    )
    messages.success(request, _("The call-out order is saved."))
    return _back_to(function)


def _change_functions(request, person, kinds) -> bool:
    try:
        account_services.update_user(by=request.user, user=person, functions=kinds)
    except (ValidationError, NotPermitted) as error:
        messages.error(request, " ".join(getattr(error, "messages", None) or [str(error)]))
        return False
    return True


@for_administered_actor
@require_POST
def staff(request, actor, function_id):
    """Add a person last in the call-out order."""
    function = found(selectors.function_of, actor, public_id=function_id)
    form = StaffForm(request.POST, candidates=_candidates(request.user, actor, function))
    if not form.is_valid():
        messages.error(request, _("Choose a person to add."))
        return _back_to(function)
    person = form.cleaned_data["user"]
    if _change_functions(request, person, person.function_kinds | {function.kind}):
        messages.success(request, _("%(name)s now staffs the function.") % {"name": person})
    return _back_to(function)


@for_administered_actor
@require_POST
def unstaff(request, actor, function_id):
    """Take a person off the function; those after them move up."""
    function = found(selectors.function_of, actor, public_id=function_id)
    person = _person(request, function)
    if _change_functions(request, person, person.function_kinds - {function.kind}):
        messages.success(request, _("%(name)s no longer staffs the function.") % {"name": person})
    return _back_to(function)
