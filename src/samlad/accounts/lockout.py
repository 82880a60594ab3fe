"""Sign-in lockout (django-axes) with two limits. Per user name and address: AXES_FAILURE_LIMIT
failed attempts (5) lock the account for that address. Per user name alone, from any number of
addresses: AXES_USERNAME_FAILURE_LIMIT failures (20) lock the account everywhere, so guesses
spread over many addresses are locked too. The second limit is higher because anyone who knows a
user name can reach it: a lower one would let a stranger lock a duty officer out in a crisis.
Both count within AXES_COOLOFF_TIME and lock for that long; both apply to the sign-in page, the
admin's and the API's token exchange (they all sign in through django-axes)."""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class LockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials: dict | None = None) -> int:
        failures = super().get_failures(request, credentials)  # per name and address
        if self.failures_of_name(request, credentials) >= settings.AXES_USERNAME_FAILURE_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures

    def failures_of_name(self, request, credentials: dict | None = None) -> int:
        username = get_client_username(request, credentials)
        if not username:
            return 0
        attempts = AccessAttempt.objects.filter(
            username=username, attempt_time__gte=get_cool_off_threshold(request)
        )
        return attempts.aggregate(failures=Sum("failures_since_start"))["failures"] or 0
