from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from samlad.core import health


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Database and worker health as JSON; 503 when something is down."""
    report = health.report()
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503)
