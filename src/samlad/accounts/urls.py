"""Account pages under /konto/ (Swedish paths)."""

from django.urls import path

from samlad.accounts import two_factor_views, views

app_name = "accounts"

urlpatterns = [
    path("", views.account, name="account"),
    path("logga-in/", views.SignInView.as_view(), name="login"),
    path("logga-ut/", views.SignOutView.as_view(), name="logout"),
    path("tvastegsverifiering/", two_factor_views.start, name="two_factor"),
    path("tvastegsverifiering/verifiera/", two_factor_views.verify, name="two_factor_verify"),
    path(
        "tvastegsverifiering/reservkod/", two_factor_views.verify_backup, name="two_factor_backup"
    ),
    path("tvastegsverifiering/aktivera/", two_factor_views.setup, name="two_factor_setup"),
    path(
        "tvastegsverifiering/reservkoder/",
        two_factor_views.backup_codes,
        name="two_factor_backup_codes",
    ),
    path("tvastegsverifiering/ta-bort/", two_factor_views.remove, name="two_factor_remove"),
    path("losenord/andra/", views.PasswordChangeView.as_view(), name="password_change"),
    path("losenord/aterstall/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "losenord/aterstall/skickat/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "losenord/aterstall/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "losenord/aterstall/klart/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
