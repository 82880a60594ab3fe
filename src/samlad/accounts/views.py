from django.contrib.auth import views as auth_views
from django.http import HttpResponse


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


def two_factor(request):
    return HttpResponse("two-factor")
