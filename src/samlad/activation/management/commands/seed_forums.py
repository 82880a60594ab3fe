"""Add the model's forums, and the hosts and named members migration 0002 could not add before
the actor registry was loaded (run after `load_registry`; idempotent, changes nothing an
administrator has set)."""

from django.core.management.base import BaseCommand

from samlad.activation import demo


class Command(BaseCommand):
    help = "Add the model's forums and their hosts and named members where missing"

    def handle(self, *args, **options):
        demo.load()
        self.stdout.write("Forums seeded.")
