"""Pages for what goes outside and comes in: an actor's webhooks with their delivery log, its
feed tokens, and importing a CAP alert by upload."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from samlad.core import access
from samlad.core.errors import NotFound
from samlad.core.forms import show_service_errors
from samlad.notices.cap.limits import declared_too_large, install_upload_cap
from samlad.notices.cap.parse import MAX_BYTES, ImportRefused
from samlad.notices.forms import CapUploadForm, FeedTokenForm, WebhookForm
from samlad.notices.services import cap_import, feed_tokens, webhooks

LOG_SIZE = 100


def _require_manager(request) -> None:
    user = request.user
    if not (access.is_network_member(user) and webhooks.can_manage_webhooks(user, user.actor)):
        raise PermissionDenied


def _webhook(request, public_id):
    try:
        return webhooks.webhook_for(request.user, public_id)
    except NotFound:
        raise Http404 from None


@never_cache
@login_required
def webhook_list(request):
    _require_manager(request)
    form = WebhookForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            hook, secret = webhooks.register_webhook(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            # The secret is shown this once, on the page that follows.
            request.session["notices.new_secret"] = [str(hook.public_id), secret]
            return redirect("notices:webhook", hook.public_id)
    hooks = list(webhooks.webhooks_of(request.user))
    for hook in hooks:
        hook.failing = webhooks.is_failing(hook)
    return render(request, "notices/webhooks.html", {"form": form, "hooks": hooks})


@never_cache
@login_required
def webhook_detail(request, public_id):
    _require_manager(request)
    hook = _webhook(request, public_id)
    shown = request.session.pop("notices.new_secret", None)
    secret = shown[1] if shown and shown[0] == str(hook.public_id) else None
    context = {
        "hook": hook,
        "secret": secret,
        "failing": webhooks.is_failing(hook),
        "deliveries": webhooks.deliveries(hook)[:LOG_SIZE],
    }
    return render(request, "notices/webhook_detail.html", context)


@login_required
@require_POST
def webhook_remove(request, public_id):
    _require_manager(request)
    hook = _webhook(request, public_id)
    webhooks.remove_webhook(by=request.user, webhook=hook)
    messages.success(request, _("The webhook is removed; its delivery log stays."))
    return redirect("notices:webhooks")


@never_cache
@login_required
def feed_token_list(request):
    _require_manager(request)
    form = FeedTokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_token = feed_tokens.create_feed_token(
                by=request.user, name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            form = FeedTokenForm()
    context = {
        "form": form,
        "tokens": feed_tokens.tokens_of(request.user),
        "new_token": new_token,
    }
    return render(request, "notices/feed_tokens.html", context)


@login_required
@require_POST
def feed_token_revoke(request, public_id):
    _require_manager(request)
    try:
        feed_tokens.revoke_feed_token(by=request.user, public_id=public_id)
    except NotFound:
        raise Http404 from None
    messages.success(request, _("The token is revoked."))
    return redirect("notices:feed_tokens")


@csrf_exempt
@login_required
def cap_upload(request):
    """The size is checked before the body is read (the CSRF check reads it): a declared
    Content-Length over the cap is refused at once, and reading stops when the file passes it."""
    if not access.is_network_member(request.user):
        raise PermissionDenied
    if request.method == "POST" and declared_too_large(request, multipart=True):
        return _too_large(request)
    cap = install_upload_cap(request)
    return _cap_upload(request, cap)


@csrf_protect
def _cap_upload(request, cap):
    form = CapUploadForm(request.POST or None, request.FILES or None)
    if cap.exceeded:
        return _too_large(request)
    if request.method == "POST" and form.is_valid():
        try:
            result = cap_import.import_cap(by=request.user, data=form.cleaned_data["file"].read())
        except ImportRefused as refusal:
            form.add_error("file", refusal.reason)
        else:
            if result.created:
                messages.success(request, _("The alert is imported."))
            else:
                messages.info(request, _("This alert was imported before."))
            return redirect("notices:detail", result.notice.public_id)
    status = 400 if form.errors else 200
    return render(request, "notices/cap_import.html", {"form": form}, status=status)


def _too_large(request):
    form = CapUploadForm(files={})
    form.errors.clear()
    form.add_error("file", _("The document is larger than %(limit)s bytes.") % {"limit": MAX_BYTES})
    return render(request, "notices/cap_import.html", {"form": form}, status=413)
