from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from samlad.actors import selectors


@login_required
def directory(request):
    return render(request, "actors/directory.html", {"actors": selectors.actors_for(request.user)})
