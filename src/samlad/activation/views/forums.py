"""The forums: a list and a page for every member of the network; platform administrators add
and change them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samlad.activation import rules, selectors, services
from samlad.activation.forum_forms import ForumForm
from samlad.activation.models import Level
from samlad.activation.views.common import require, require_member, visible_forum
from samlad.core import access
from samlad.core.forms import show_service_errors


@login_required
def forum_list(request):
    require_member(request)
    forums = list(
        selectors.visible_forums(
            request.user, include_inactive=access.is_platform_admin(request.user)
        )
    )
    levels = [(label, [f for f in forums if f.level == level]) for level, label in Level.choices]
    context = {
        "levels": levels,
        "can_manage": rules.can_manage_forums(request.user),
        "can_activate": rules.can_activate(request.user),
    }
    return render(request, "activation/forum_list.html", context)


@login_required
def detail(request, public_id):
    require_member(request)
    forum = visible_forum(request, public_id)
    context = {
        "forum": forum,
        "members": list(forum.members.select_related("actor")),
        "can_manage": rules.can_manage_forums(request.user),
        "can_activate": rules.can_activate(request.user) and forum.is_active,
    }
    return render(request, "activation/forum_detail.html", context)


def _edit(request, forum):
    form = ForumForm(request.POST or None, instance=forum)
    if request.method == "POST" and form.is_valid():
        try:
            if forum is None:
                forum = services.create_forum(by=request.user, **form.service_arguments())
            else:
                forum = services.update_forum(
                    by=request.user, forum=forum, **form.service_arguments()
                )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("The forum is saved."))
            return redirect("activation:forum", forum.public_id)
    status = 400 if form.is_bound else 200
    return render(
        request, "activation/forum_form.html", {"form": form, "forum": forum}, status=status
    )


@login_required
def create(request):
    require(rules.can_manage_forums(request.user))
    return _edit(request, None)


@login_required
def edit(request, public_id):
    require(rules.can_manage_forums(request.user))
    return _edit(request, visible_forum(request, public_id))
