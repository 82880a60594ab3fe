"""Answering a call-out without signing in: the link from the message opens a page with the
meeting and three answers (attending, not attending, later in N minutes), one click each.
Opening the page changes nothing (mail scanners open links too); the click does. A forged,
expired, closed or used link gets a page that says so, and changes nothing (see links.py)."""

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from samlad.activation import links, services
from samlad.activation.forms import AnswerForm
from samlad.core.forms import show_service_errors

PROBLEM_STATUS = {
    links.LinkProblem.FORGED: 400,
    links.LinkProblem.EXPIRED: 410,
    links.LinkProblem.CLOSED: 410,
    links.LinkProblem.USED: 409,
}


def _problem(request, problem: str, recipient=None):
    return render(
        request,
        "activation/answer_problem.html",
        {"problem": problem, "recipient": recipient},
        status=PROBLEM_STATUS[problem],
    )


def _form_page(request, recipient, token, form, *, status=200, answered=False):
    context = {
        "recipient": recipient,
        "activation": recipient.activation,
        "token": token,
        "form": form,
        "answered": answered,
    }
    return render(request, "activation/answer.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def answer(request, token):
    checked = links.check(token)
    if checked.problem:
        return _problem(request, checked.problem, checked.recipient)
    if request.method == "GET":
        return _form_page(request, checked.recipient, token, AnswerForm())
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _form_page(request, checked.recipient, token, form, status=400)
    try:
        result = services.answer_by_link(token=token, **form.cleaned_data)
    except ValidationError as error:
        show_service_errors(form, error)
        return _form_page(request, checked.recipient, token, form, status=400)
    if result.problem:
        return _problem(request, result.problem, result.recipient)
    return _form_page(request, result.recipient, result.token, AnswerForm(), answered=True)
