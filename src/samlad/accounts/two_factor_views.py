"""Pages of two-factor authentication: the second step of signing in, setting up an
authenticator app, backup codes, and removing the app."""

from axes.helpers import get_lockout_response
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from samlad.accounts import qr, two_factor
from samlad.accounts.forms import BackupCodeForm, CodeForm
from samlad.accounts.middleware import is_verified

SETUP_KEY = "samlad_two_factor_setup_key"
NEW_BACKUP_CODES = "samlad_two_factor_new_backup_codes"


def _next_url(request) -> str:
    url = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return resolve_url("core:home")


def _with_next(request, name: str) -> str:
    url = reverse(name)
    return f"{url}?{urlencode({'next': request.GET['next']})}" if "next" in request.GET else url


@login_required
def start(request):
    """The second step: verification when the user has an app, else its setup."""
    if is_verified(request.user):
        return redirect(_next_url(request))
    if two_factor.has_two_factor(request.user):
        return redirect(_with_next(request, "accounts:two_factor_verify"))
    return redirect(_with_next(request, "accounts:two_factor_setup"))


def _locked_out(request):
    username = request.user.get_username()
    logout(request)
    return get_lockout_response(request, None, {"username": username})


def _check_code(request, form, field: str, check):
    """Run `check`; a refused code becomes a form error and counts towards the lockout.
    Returns (result, None) on success, else (None, a lockout response or None)."""
    try:
        return check(), None
    except two_factor.TooSoon as exc:
        form.add_error(field, two_factor.wait_message(exc.seconds))
        return None, None
    except two_factor.LockedOut:
        _count_failure(request)
        return None, _locked_out(request)
    except two_factor.WrongCode as exc:
        _count_failure(request)
        if getattr(request, "axes_locked_out", False):
            return None, _locked_out(request)
        form.add_error(field, two_factor.wrong_code_message(exc.attempts_left))
        return None, None


def _count_failure(request) -> None:
    # django-axes counts failed sign-ins per user name and address: a wrong code is one too.
    user_login_failed.send(
        sender=__name__, credentials={"username": request.user.get_username()}, request=request
    )


def _verify_page(request, *, form=None, backup_form=None):
    return render(
        request,
        "accounts/two_factor_verify.html",
        {
            "form": form or CodeForm(),
            "backup_form": backup_form or BackupCodeForm(),
            "query": request.GET.urlencode(),
        },
    )


@never_cache
@sensitive_post_parameters("code")
@login_required
def verify(request):
    """Enter a code from the authenticator app to finish signing in."""
    if is_verified(request.user):
        return redirect(_next_url(request))
    if not two_factor.has_two_factor(request.user):
        return redirect(_with_next(request, "accounts:two_factor_setup"))
    if two_factor.code_step_locked(request.user):
        return _locked_out(request)
    form = CodeForm(request.POST or None)
    if not form.is_valid():
        return _verify_page(request, form=form)
    device, locked = _check_code(
        request,
        form,
        "code",
        lambda: two_factor.verify_code(user=request.user, code=form.cleaned_data["code"]),
    )
    if locked:
        return locked
    if device is None:
        return _verify_page(request, form=form)
    otp_login(request, device)
    return redirect(_next_url(request))


@never_cache
@sensitive_post_parameters("backup_code")
@require_POST
@login_required
def verify_backup(request):
    """Finish signing in with a backup code, when the app is not at hand."""
    if not two_factor.has_two_factor(request.user):
        return redirect(_with_next(request, "accounts:two_factor_setup"))
    form = BackupCodeForm(request.POST)
    if not form.is_valid():
        return _verify_page(request, backup_form=form)
    code = form.cleaned_data["backup_code"]
    device, locked = _check_code(
        request,
        form,
        "backup_code",
        lambda: two_factor.verify_backup_code(user=request.user, code=code),
    )
    if locked:
        return locked
    if device is None:
        return _verify_page(request, backup_form=form)
    otp_login(request, device)
    messages.warning(
        request, _backup_codes_left_message(two_factor.backup_codes_left(request.user))
    )
    return redirect(_next_url(request))


def _backup_codes_left_message(count: int) -> str:
    return ngettext(
        "You have %(count)d backup code left. Make new ones under My account.",
        "You have %(count)d backup codes left. Make new ones under My account.",
        count,
    ) % {"count": count}


def _setup_page(request, form):
    key = request.session.get(SETUP_KEY)
    if not key:
        key = request.session[SETUP_KEY] = two_factor.new_secret()
    uri = qr.provisioning_uri(user=request.user, key=key)
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": qr.qr_svg(uri),
            "secret": qr.secret_for_people(key),
            "replacing": two_factor.has_two_factor(request.user),
            "required": two_factor.must_use_two_factor(request.user),
        },
    )


@never_cache
@sensitive_post_parameters("code")
@login_required
def setup(request):
    """Set up (or replace) the authenticator app: scan the code, then confirm with a code."""
    if two_factor.has_two_factor(request.user) and not is_verified(request.user):
        return redirect(_with_next(request, "accounts:two_factor_verify"))
    form = CodeForm(request.POST or None)
    if not request.POST:
        return _setup_page(request, form)
    key = request.session.get(SETUP_KEY)
    if not form.is_valid() or not key:
        return _setup_page(request, form)
    try:
        device, codes = two_factor.enable_two_factor(
            user=request.user, key=key, code=form.cleaned_data["code"]
        )
    except two_factor.WrongCode:
        form.add_error(
            "code",
            _(
                "The code is not right. Check that the clock of your phone is right "
                "and enter the newest code."
            ),
        )
        return _setup_page(request, form)
    del request.session[SETUP_KEY]
    otp_login(request, device)
    request.session[NEW_BACKUP_CODES] = codes
    messages.success(request, _("Two-factor authentication is on."))
    return redirect(_with_next(request, "accounts:two_factor_backup_codes"))


@never_cache
@login_required
def backup_codes(request):
    """New backup codes are shown once, right after they are made; POST makes new ones."""
    if not two_factor.has_two_factor(request.user):
        return redirect("accounts:account")
    if request.method == "POST":
        request.session[NEW_BACKUP_CODES] = two_factor.renew_backup_codes(user=request.user)
        return redirect(_with_next(request, "accounts:two_factor_backup_codes"))
    return render(
        request,
        "accounts/two_factor_backup_codes.html",
        {
            "codes": request.session.pop(NEW_BACKUP_CODES, None),
            "codes_left": two_factor.backup_codes_left(request.user),
            "next_url": _next_url(request)
            if "next" in request.GET
            else resolve_url("accounts:account"),
        },
    )


@never_cache
@sensitive_post_parameters("code")
@login_required
def remove(request):
    """Turn two-factor authentication off, after a fresh code from the app."""
    if not two_factor.has_two_factor(request.user):
        return redirect("accounts:account")
    required = two_factor.must_use_two_factor(request.user)
    form = CodeForm(request.POST or None)
    context = {"form": form, "required": required}
    if not request.POST or required:
        return render(
            request, "accounts/two_factor_remove.html", context, status=403 if request.POST else 200
        )
    if not form.is_valid():
        return render(request, "accounts/two_factor_remove.html", context)
    code = form.cleaned_data["code"]
    done, locked = _check_code(
        request, form, "code", lambda: two_factor.disable_two_factor(user=request.user, code=code)
    )
    if locked:
        return locked
    if not done:
        return render(request, "accounts/two_factor_remove.html", context)
    messages.success(request, _("Two-factor authentication is off."))
    return redirect("accounts:account")
