"""The audit pages under /granskning/: the change log and the log of reads of confidential
records, with filters, paging and CSV export, for security officers / registrars only (403 for
everyone else). Every page shown and every export is logged as a read of the audit log."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from samlad.audit import export, selectors
from samlad.audit.forms import AuditFilterForm
from samlad.audit.selectors import CHANGES, READS
from samlad.core import access

PAGE_SIZE = 50
ROWS = {CHANGES: selectors.changes_for, READS: selectors.reads_for}
CSV = {CHANGES: export.changes_csv, READS: export.reads_csv}
FILE_NAMES = {CHANGES: "andringsloggen", READS: "lasloggen"}


def security_officers_only(view):
    @never_cache
    @login_required
    @require_GET
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not access.may_read_audit_log(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@security_officers_only
def changes(request):
    return _page(request, CHANGES)


@security_officers_only
def reads(request):
    return _page(request, READS)


@security_officers_only
def changes_csv(request):
    return _export(request, CHANGES)


@security_officers_only
def reads_csv(request):
    return _export(request, READS)


def _page(request, log: str):
    form = AuditFilterForm(request.GET)
    context = {"form": form, "log": log, "page": None}
    if not form.is_valid():
        return render(request, "audit/log.html", context, status=400)
    filters = form.filters()
    rows = ROWS[log](request.user, filters)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("sida"))
    # Read the rows before this read is logged: the page shows the log as it was when asked.
    page.object_list = list(page.object_list)
    context["page"] = page
    query = request.GET.copy()
    query.pop("sida", None)
    context["query"] = query.urlencode()
    selectors.note_audit_read(request.user, log=log, via="page", filters=filters)
    return render(request, "audit/log.html", context)


def _export(request, log: str):
    form = AuditFilterForm(request.GET)
    if not form.is_valid():
        return render(request, "audit/log.html", {"form": form, "log": log}, status=400)
    filters = form.filters()
    lines = CSV[log](ROWS[log](request.user, filters))
    selectors.note_audit_read(request.user, log=log, via="export", filters=filters)
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="{FILE_NAMES[log]}-{stamp}.csv"'
    return response
