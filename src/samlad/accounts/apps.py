from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "samlad.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from samlad.accounts.backends import SamladBackend
        from samlad.accounts.middleware import needs_second_factor
        from samlad.accounts.two_factor import has_two_factor, must_use_two_factor
        from samlad.api.authentication import SignInRules, use_sign_in_rules

        # The API refuses what signing in on the web refuses.
        use_sign_in_rules(
            SignInRules(
                may_sign_in=SamladBackend().user_can_authenticate,
                must_set_up_two_factor=lambda user: (
                    must_use_two_factor(user) and not has_two_factor(user)
                ),
                needs_second_step=needs_second_factor,
            )
        )
