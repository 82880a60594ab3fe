"""Run by tests/faults as a child process on the test's own PostgreSQL (DATABASE_URL): migrate,
load the demo registry, and print a JSON line with a token of TiB and the coordinating forum."""

import json

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import override_settings  # noqa: E402
from knox.models import AuthToken  # noqa: E402

from samlad.accounts.models import User  # noqa: E402
from samlad.activation.models import Forum  # noqa: E402
from samlad.core.demo import load_all  # noqa: E402

call_command("migrate", verbosity=0)
with override_settings(DEMO_MODE=True):
    load_all()
token = AuthToken.objects.create(user=User.objects.get(username="tib"))[1]
forum = Forum.objects.get(slug="regionalt-samordnande-forum")
print(json.dumps({"token": token, "forum": str(forum.public_id)}))
