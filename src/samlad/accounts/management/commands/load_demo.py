from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from samlad.accounts.demo import COUNTY_BOARD_LOGINS
from samlad.accounts.passwords import DEMO_PASSWORD
from samlad.core.demo import load_all


class Command(BaseCommand):
    help = "Load the demo data and demo logins (demo mode only; idempotent)"

    def handle(self, *args, **options):
        try:
            load_all()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Demo logins (password: {DEMO_PASSWORD}):")
        self.stdout.write("  " + ", ".join(login.username for login in COUNTY_BOARD_LOGINS))
        self.stdout.write(
            "  and for every actor <slug>.kontakt and <slug>.admin, e.g. "
            "nacka.kontakt, polisen.kontakt, nacka.admin"
        )
