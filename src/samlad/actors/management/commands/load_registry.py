from django.core.management.base import BaseCommand

from samlad.actors.registry import load_registry


class Command(BaseCommand):
    help = "Create the shipped actors of the Stockholm region and their functions (idempotent)"

    def handle(self, *args, **options):
        actors = load_registry()
        self.stdout.write(f"{len(actors)} actors in the registry.")
